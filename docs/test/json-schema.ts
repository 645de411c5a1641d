// A small JSON Schema (2020-12) validator for the keywords our schemas use, so the docs' examples are
// checked against the very files the site publishes without adding a dependency. A keyword it does
// not know is an error (see `unsupportedKeywords`), never silently ignored.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

type Node = boolean | { readonly [keyword: string]: unknown };

/** Every keyword this validator understands; the schemas may use no other. */
export const KEYWORDS: ReadonlySet<string> = new Set([
  '$schema',
  '$defs',
  '$ref',
  'title',
  'description',
  'type',
  'const',
  'enum',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'allOf',
  'anyOf',
]);

/** One place where a value breaks its schema. */
export interface SchemaError {
  readonly path: string;
  readonly message: string;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const typeOf = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
};

const hasType = (v: unknown, type: string): boolean =>
  type === 'number' ? typeof v === 'number' : typeOf(v) === type;

/** Reads a schema file. */
export function loadSchema(file: string): Node {
  return JSON.parse(readFileSync(file, 'utf8')) as Node;
}

/**
 * Every keyword of a schema (and its subschemas) that this validator does not understand.
 *
 * @param schema - the schema
 * @param at - where it is, for the report
 * @returns `path: keyword` for each
 */
export function unsupportedKeywords(schema: Node, at = '#'): string[] {
  if (typeof schema === 'boolean') return [];
  const out: string[] = [];
  for (const [key, sub] of Object.entries(schema)) {
    if (!KEYWORDS.has(key)) out.push(`${at}: ${key}`);
    if (key === 'properties' || key === '$defs') {
      for (const [name, s] of Object.entries(sub as Record<string, Node>))
        out.push(...unsupportedKeywords(s, `${at}/${key}/${name}`));
    } else if (key === 'items' || key === 'additionalProperties') {
      out.push(...unsupportedKeywords(sub as Node, `${at}/${key}`));
    } else if (key === 'allOf' || key === 'anyOf') {
      (sub as Node[]).forEach((s, i) => out.push(...unsupportedKeywords(s, `${at}/${key}/${i}`)));
    }
  }
  return out;
}

/** A schema and the document it belongs to, for resolving `$ref`. */
interface Scope {
  readonly file: string;
  readonly root: Node;
}

function resolve(ref: string, scope: Scope): { node: Node; scope: Scope } {
  const [file, pointer = ''] = ref.split('#');
  const target: Scope =
    file === '' || file === undefined
      ? scope
      : (() => {
          const path = join(dirname(scope.file), file);
          return { file: path, root: loadSchema(path) };
        })();
  let node: unknown = target.root;
  for (const part of pointer.split('/').filter((p) => p !== '')) {
    if (!isObject(node) || !(part in node))
      throw new Error(`unresolved $ref ${ref} in ${scope.file}`);
    node = node[part];
  }
  return { node: node as Node, scope: target };
}

function check(value: unknown, node: Node, scope: Scope, path: string): SchemaError[] {
  if (node === true) return [];
  if (node === false) return [{ path, message: 'no value is allowed here' }];
  const errors: SchemaError[] = [];
  const fail = (message: string) => errors.push({ path, message });
  const s = node;
  if (typeof s['$ref'] === 'string') {
    const r = resolve(s['$ref'], scope);
    errors.push(...check(value, r.node, r.scope, path));
  }
  if (s['type'] !== undefined) {
    const types = Array.isArray(s['type']) ? (s['type'] as string[]) : [s['type'] as string];
    if (!types.some((t) => hasType(value, t)))
      fail(`expected ${types.join(' or ')}, got ${typeOf(value)}`);
  }
  if ('const' in s && JSON.stringify(value) !== JSON.stringify(s['const']))
    fail(`expected ${JSON.stringify(s['const'])}`);
  if (
    Array.isArray(s['enum']) &&
    !s['enum'].some((e) => JSON.stringify(e) === JSON.stringify(value))
  )
    fail(`expected one of ${JSON.stringify(s['enum'])}`);
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof s['minLength'] === 'number' && length < s['minLength']) fail('too short');
    if (typeof s['maxLength'] === 'number' && length > s['maxLength']) fail('too long');
    if (typeof s['pattern'] === 'string' && !new RegExp(s['pattern'], 'u').test(value))
      fail(`does not match ${s['pattern']}`);
  }
  if (typeof value === 'number') {
    if (typeof s['minimum'] === 'number' && value < s['minimum']) fail(`below ${s['minimum']}`);
    if (typeof s['maximum'] === 'number' && value > s['maximum']) fail(`above ${s['maximum']}`);
  }
  if (Array.isArray(value)) {
    if (typeof s['minItems'] === 'number' && value.length < s['minItems']) fail('too few items');
    if (typeof s['maxItems'] === 'number' && value.length > s['maxItems']) fail('too many items');
    if (
      s['uniqueItems'] === true &&
      new Set(value.map((v) => JSON.stringify(v))).size < value.length
    )
      fail('repeated items');
    if (s['items'] !== undefined)
      value.forEach((v, i) => errors.push(...check(v, s['items'] as Node, scope, `${path}[${i}]`)));
  }
  if (isObject(value)) {
    const properties = (s['properties'] ?? {}) as Record<string, Node>;
    for (const key of (s['required'] ?? []) as string[])
      if (!(key in value)) fail(`missing ${key}`);
    for (const [key, v] of Object.entries(value)) {
      const sub = Object.hasOwn(properties, key) ? properties[key] : s['additionalProperties'];
      if (sub !== undefined) errors.push(...check(v, sub as Node, scope, `${path}.${key}`));
    }
  }
  for (const sub of (s['allOf'] ?? []) as Node[]) errors.push(...check(value, sub, scope, path));
  if (
    Array.isArray(s['anyOf']) &&
    !s['anyOf'].some((sub) => check(value, sub as Node, scope, path).length === 0)
  )
    fail('matches none of anyOf');
  return errors;
}

/**
 * Validates a value against a schema file.
 *
 * @param value - the value (parsed JSON)
 * @param file - the schema's path; relative `$ref`s resolve beside it
 * @returns every error, empty when the value is valid
 */
export function validate(value: unknown, file: string): SchemaError[] {
  return check(value, loadSchema(file), { file, root: loadSchema(file) }, '$');
}
