import type { FastifySerializerCompiler } from 'fastify/types/schema.js';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { type ZodType, z } from 'zod';

/**
 * Response serialization without validating on the way out (docs/architecture.md, "A request,
 * start to finish"; measured in docs/performance.md): the response schema is compiled once into a writer that emits exactly
 * the keys the schema declares (extra fields a use case might carry never leave the server, as
 * with zod's strip) and JSON-encodes the values as they are. Anything the writer does not know
 * how to walk (unions, transforms, defaults, lazy …) is encoded by zod, as before.
 *
 * Validation stays where it catches mistakes: with `checkResponses` (the test harness sets it)
 * every response is encoded by zod as well, which throws on a value that does not match its
 * schema, and the two texts must be identical — so the whole server test suite checks the
 * production writer against zod on every response it makes.
 */
export function responseSerializerCompiler(checkResponses: boolean): FastifySerializerCompiler<unknown> {
  return (route) => {
    const schema = resolveSchema(route.schema);
    const write = writerOf(schema);
    const fast = (data: unknown) => write(data) ?? 'null';
    if (!checkResponses) return fast;
    const viaZod = zodSerializerCompiler(route as Parameters<typeof zodSerializerCompiler>[0]);
    return (data: unknown) => {
      const expected = viaZod(data);
      const actual = fast(data);
      if (actual !== expected) {
        throw new Error(
          `The response writer and zod disagree for ${route.method} ${route.url}:\n${actual}\n${expected}`,
        );
      }
      return expected;
    };
  };
}

function resolveSchema(maybeSchema: unknown): ZodType {
  if (maybeSchema instanceof z.ZodType) return maybeSchema;
  const properties = (maybeSchema as { properties?: unknown } | null)?.properties;
  if (properties instanceof z.ZodType) return properties;
  throw new Error(`Response schemas are zod schemas; got ${JSON.stringify(maybeSchema)}`);
}

/** Returns the JSON text of a value, or undefined for a value to leave out (undefined). */
type Writer = (value: unknown) => string | undefined;

const writers = new WeakMap<ZodType, Writer>();

interface Def {
  type: string;
  shape?: Record<string, ZodType>;
  catchall?: ZodType;
  element?: ZodType;
  innerType?: ZodType;
  valueType?: ZodType;
}

function writerOf(schema: ZodType): Writer {
  const known = writers.get(schema);
  if (known) return known;
  // Set before compiling the parts, so a schema that contains itself finds its own writer.
  let compiled: Writer = () => undefined;
  const self: Writer = (value) => compiled(value);
  writers.set(schema, self);
  compiled = compile(schema);
  return self;
}

function compile(schema: ZodType): Writer {
  // zod 4 exposes a schema's definition only on its `_zod` member (what zod compiles from too).
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'string':
    case 'number':
    case 'int':
    case 'boolean':
    case 'enum':
    case 'literal':
    case 'null':
    case 'date':
    case 'unknown':
    case 'any':
      return plain;
    case 'nullable': {
      const inner = writerOf(def.innerType as ZodType);
      return (value) => (value === null ? 'null' : inner(value));
    }
    case 'optional': {
      const inner = writerOf(def.innerType as ZodType);
      return (value) => (value === undefined ? undefined : inner(value));
    }
    case 'readonly':
      return writerOf(def.innerType as ZodType);
    case 'array': {
      const element = writerOf(def.element as ZodType);
      return (value) => {
        if (!Array.isArray(value)) return viaZod(schema, value);
        let out = '[';
        for (let i = 0; i < value.length; i++) out += `${i === 0 ? '' : ','}${element(value[i]) ?? 'null'}`;
        return `${out}]`;
      };
    }
    case 'object': {
      // A loose object passes unknown keys through: leave it to zod.
      const catchall = def.catchall
        ? (def.catchall as unknown as { _zod: { def: Def } })._zod.def.type
        : null;
      if (catchall !== null && catchall !== 'never') return (value) => viaZod(schema, value);
      const entries = Object.entries(def.shape ?? {}).map(
        ([key, part]) => [key, `${JSON.stringify(key)}:`, writerOf(part)] as const,
      );
      return (value) => {
        if (value === null || typeof value !== 'object') return viaZod(schema, value);
        const record = value as Record<string, unknown>;
        let out = '{';
        let first = true;
        for (const [key, prefix, write] of entries) {
          const v = record[key];
          if (v === undefined) continue;
          const text = write(v);
          if (text === undefined) continue;
          out += first ? prefix + text : `,${prefix}${text}`;
          first = false;
        }
        return `${out}}`;
      };
    }
    case 'record': {
      // Keys from an enum come out in the enum's order, whatever the value's: leave it to zod.
      const keyType = (def as { keyType?: { _zod: { values?: unknown } } }).keyType;
      if (keyType?._zod.values) return (value) => viaZod(schema, value);
      const valueWriter = writerOf(def.valueType as ZodType);
      return (value) => {
        if (value === null || typeof value !== 'object') return viaZod(schema, value);
        let out = '{';
        let first = true;
        for (const [key, v] of Object.entries(value)) {
          if (v === undefined) continue;
          const text = valueWriter(v);
          if (text === undefined) continue;
          out += `${first ? '' : ','}${JSON.stringify(key)}:${text}`;
          first = false;
        }
        return `${out}}`;
      };
    }
    default:
      // Unions, transforms, pipes, defaults, lazy and the rest: zod knows them.
      return (value) => viaZod(schema, value);
  }
}

function plain(value: unknown): string | undefined {
  return JSON.stringify(value);
}

function viaZod(schema: ZodType, value: unknown): string | undefined {
  return JSON.stringify(z.encode(schema, value as never));
}
