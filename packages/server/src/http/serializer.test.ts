import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler } from './serializer.js';

const Item = z.object({
  id: z.uuid(),
  name: z.string(),
  note: z.string().nullable(),
  extra: z.number().int().optional(),
  when: z.iso.datetime(),
  at: z.date(),
  tags: z.array(z.enum(['a', 'b'])),
  counts: z.record(z.enum(['open', 'done']), z.number().int()),
  byKey: z.record(z.string(), z.object({ n: z.number() })),
  either: z.union([z.object({ kind: z.literal('x'), x: z.number() }), z.object({ kind: z.literal('y') })]),
  anything: z.unknown(),
});
const Page = z.object({ items: z.array(Item), next: z.string().nullable() });

const item = {
  id: '0190b000-0000-7000-8000-000000000001',
  name: 'Group "A"',
  note: null,
  when: '2026-11-30T15:00:00.000Z',
  at: new Date('2026-11-30T15:00:00Z'),
  tags: ['b', 'a'],
  counts: { done: 2, open: 1 },
  byKey: { z: { n: 1, secret: 'dropped' }, a: { n: 2 } },
  either: { kind: 'x', x: 3, secret: 'dropped' },
  anything: { nested: [1, 'two', null] },
  passwordHash: 'never sent',
};

const compile = (check: boolean) =>
  responseSerializerCompiler(check)({ schema: Page, method: 'GET', url: '/test', httpStatus: '200' });

describe('the response writer', () => {
  it('writes what zod writes, keys the schema does not declare left out, without validating', () => {
    const data = { items: [item, { ...item, note: 'x', extra: 4 }], next: null, total: 99 };
    const fast = compile(false)(data);
    expect(fast).toBe(JSON.stringify(z.encode(Page, data as never)));
    expect(fast).not.toMatch(/passwordHash|secret|total/);
    // Production does not validate: a wrong value goes out as it is.
    expect(compile(false)({ items: [{ ...item, id: 'not-a-uuid' }], next: null })).toMatch(/not-a-uuid/);
  });

  it('validates with zod and compares both texts when checking (tests)', () => {
    expect(() => compile(true)({ items: [{ ...item, id: 'not-a-uuid' }], next: null })).toThrow();
    expect(compile(true)({ items: [item], next: 'c' })).toBe(
      JSON.stringify(z.encode(Page, { items: [item], next: 'c' } as never)),
    );
  });
});
