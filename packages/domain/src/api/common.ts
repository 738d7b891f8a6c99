import { z } from 'zod';
import './messages.js';

export const Id = z.uuid({ error: 'Must be an id (UUID).' });

/** Every editable record travels with its version; the client sends it back as If-Match. */
export const Versioned = z.object({ version: z.number().int().positive() });

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  requestId: z.string().optional(),
});
export type Problem = z.infer<typeof Problem>;

export const PageQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

export const Instant = z.string().describe('An instant, ISO 8601 in UTC');

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'Enter an email address such as name@example.org.' }));
