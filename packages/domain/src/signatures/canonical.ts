/**
 * Canonical JSON (after RFC 8785, JCS): object keys sorted by UTF-16 code units, no whitespace,
 * strings and numbers written as ECMAScript's JSON.stringify writes them. The same content gives
 * the same text — and so the same hash — whatever order its fields were built in.
 *
 * Stricter than JSON.stringify where it would silently change what was signed: NaN, Infinity,
 * undefined inside arrays, functions, symbols and bigints are refused instead of turned into
 * null or dropped. `undefined` object members are left out (an absent optional field).
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

export class NotCanonicalizableError extends Error {
  constructor(path: string, what: string) {
    super(`Cannot sign ${what} at ${path}: signed content must be plain JSON.`);
    this.name = 'NotCanonicalizableError';
  }
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new NotCanonicalizableError(path, String(value));
      // JSON.stringify writes -0 as 0 and uses the shortest round-trip form, as JCS requires.
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new NotCanonicalizableError(path, `a ${typeof value}`);
  }
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return write(withJson.toJSON(), path);
  if (Array.isArray(value)) {
    return `[${value
      .map((item, index) => {
        if (item === undefined) throw new NotCanonicalizableError(`${path}[${index}]`, 'undefined');
        return write(item, `${path}[${index}]`);
      })
      .join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    // Default sort compares UTF-16 code units, which is the order JCS specifies.
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${write(member, `${path}.${key}`)}`).join(',')}}`;
}
