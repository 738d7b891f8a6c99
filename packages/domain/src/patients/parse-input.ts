import type { z } from 'zod';
import { DomainError } from '../errors.js';

/**
 * Validates input that did not come through an HTTP route (another module's use case calling
 * createPatient or admitPatient): the same schema, the same field names, a DomainError.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || 'body',
    message: issue.message,
  }));
  const first = errors[0];
  throw new DomainError(
    'validation',
    errors.length === 1 && first
      ? `${first.field}: ${first.message}`
      : `${errors.length} fields need attention: ${errors.map((e) => e.field).join(', ')}.`,
    errors,
  );
}
