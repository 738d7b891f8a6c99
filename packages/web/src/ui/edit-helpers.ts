const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose value in `values` differs from `base`: what this person actually changed. */
export function changedFields<T extends object>(base: T, values: Partial<T>): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(values) as (keyof T)[]) {
    if (!same(values[key], base[key])) out[key] = values[key];
  }
  return out;
}

/**
 * For a full replace (PUT) after a stale write: the current record with only this person's
 * changes on top, so that someone else's edit to another field is kept.
 */
export function mergeChanges<T extends object>(base: T, current: T, values: Partial<T>): T {
  return { ...current, ...changedFields(base, values) };
}

export function hasChanges<T extends object>(base: T, values: Partial<T>): boolean {
  return Object.keys(changedFields(base, values)).length > 0;
}
