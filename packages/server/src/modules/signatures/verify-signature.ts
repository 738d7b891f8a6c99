import { type api, DomainError } from '@trellis/domain';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { contentHash } from './content-hash.js';
import { addendaOf, findSignature, signaturesByIds, signaturesOf } from './repo.js';
import { toSignature } from './to-api.js';

export interface SignatureCheck {
  /** Whether the content is exactly what was signed. */
  matches: boolean;
  signature: api.Signature;
  /** The hash of the content given, to compare with signature.contentHash. */
  contentHash: string;
}

/** Recomputes the hash of the content and compares it with the signed one. */
export async function verifySignature(
  db: Kysely<DB>,
  organizationId: string,
  signatureId: string,
  content: unknown,
): Promise<SignatureCheck> {
  const row = await findSignature(db, organizationId, signatureId);
  if (!row) throw DomainError.notFound('signature');
  const hash = contentHash(content);
  return { matches: hash === row.content_hash, signature: toSignature(row), contentHash: hash };
}

/** Every signature of a document, all versions, oldest first (the caller audits the read it serves). */
export async function listSignatures(
  db: Kysely<DB>,
  organizationId: string,
  documentType: string,
  documentId: string,
): Promise<api.Signature[]> {
  return (await signaturesOf(db, organizationId, documentType, documentId)).map(toSignature);
}

/** The signatures of the addenda to a document, oldest first. */
export async function listAddenda(
  db: Kysely<DB>,
  organizationId: string,
  documentType: string,
  documentId: string,
): Promise<api.Signature[]> {
  return (await addendaOf(db, organizationId, documentType, documentId)).map(toSignature);
}

export async function getSignature(
  db: Kysely<DB>,
  organizationId: string,
  id: string,
): Promise<api.Signature> {
  const row = await findSignature(db, organizationId, id);
  if (!row) throw DomainError.notFound('signature');
  return toSignature(row);
}

/** Signatures by id, keyed by id: for a module that lists its signed documents. */
export async function getSignatures(
  db: Kysely<DB>,
  organizationId: string,
  ids: readonly string[],
): Promise<Map<string, api.Signature>> {
  const rows = await signaturesByIds(db, organizationId, ids);
  return new Map(rows.map((row) => [row.id, toSignature(row)]));
}
