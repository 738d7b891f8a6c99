import { createHash } from 'node:crypto';
import { canonicalJson } from '@trellis/domain';

/** SHA-256 (hex) of the canonical JSON of a document's content: what a signature covers. */
export function contentHash(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
}
