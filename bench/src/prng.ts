/**
 * A small seeded PRNG (mulberry32) and the helpers the generator draws from. Everything the
 * generator produces comes from here, never from Math.random, so a seed names one data set.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A child generator for one purpose: adding a loader or a draw elsewhere changes nothing here. */
  static for(seed: number, purpose: string): Rng {
    return new Rng(hashString(`${seed}:${purpose}`));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** A 32-bit unsigned integer. */
  uint32(): number {
    return Math.floor(this.next() * 4294967296) >>> 0;
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of choices) {
      r -= weight;
      if (r < 0) return value;
    }
    return (choices.at(-1) as readonly [T, number])[0];
  }

  /** Approximately normal (sum of three uniforms), clamped to [min, max]. */
  normal(mean: number, sd: number, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY): number {
    const z = (this.next() + this.next() + this.next() - 1.5) * 2;
    return Math.min(max, Math.max(min, mean + z * sd));
  }

  /** k distinct items (k ≤ length), in random order. */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = items.slice();
    const n = Math.min(k, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  /** A UUIDv7 whose timestamp is `at` and whose random bits come from this generator. */
  uuidv7(at: Date | number): string {
    const ms = typeof at === 'number' ? at : at.getTime();
    const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
    const timeHex = hex(Math.max(0, Math.floor(ms)), 12);
    const a = this.uint32();
    const b = this.uint32();
    const c = this.uint32();
    const randA = a & 0xfff;
    const variant = 0x8000 | ((a >>> 12) & 0x3fff);
    return (
      `${timeHex.slice(0, 8)}-${timeHex.slice(8, 12)}-7${hex(randA, 3)}-${hex(variant, 4)}-` +
      `${hex(b, 8)}${hex(c & 0xffff, 4)}`
    );
  }
}

/** FNV-1a over the string, then a murmur-style finalizer. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
