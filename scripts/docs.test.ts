import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import type * as z from 'zod/mini';
import { StatusTokenErrorCode } from '../sdk';
import { SiteverifyErrorCode } from '../host-page/server/siteverify/codes';
import { demoRegistry } from '../host-page/server/registry';
import { frameConfigFor } from '../host-page/server/routes/frame';
import { readAccent, readTheme } from '../widget/frame/read-theme';
import { optionsFromAttributes } from '../widget/loader/auto-render';
import { readOptions } from '../widget/loader/read-options';
import { API_ENDPOINTS, ErrorCode, errorCodes, FrameMessageSchema, ParentMessageSchema } from '../contract';

// The reference pages in docs/ list every protocol message, field, option and code. These tests
// read them back and compare them with the code, both ways, so that adding or removing one in
// either place without the other fails here.

const doc = (name: string) => readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8');
const portals = doc('portals.md');
const protocol = doc('protocol.md');
const server = doc('server.md');

// ---- Markdown --------------------------------------------------------------------------------

/** The lines under the first heading matching `heading`, up to the next heading of any level. */
function section(markdown: string, heading: RegExp): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => /^#{1,6} /.test(line) && heading.test(line));
  if (start < 0) throw new Error(`no heading ${heading} in the document`);
  const end = lines.findIndex((line, i) => i > start && /^#{1,6} /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** The body rows of the tables in `lines`, as cells (header and separator rows left out). */
function rows(lines: string[]): string[][] {
  const table = lines.filter((line) => line.startsWith('|'));
  return table
    .filter((line, i) => !/^\|[-| :]+\|$/.test(line) && !/^\|[-| :]+\|$/.test(table[i + 1] ?? ''))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

/** The text of a cell's first code span (`provider` → provider). */
function code(cell: string | undefined): string {
  const match = /`([^`]+)`/.exec(cell ?? '');
  if (!match) throw new Error(`no code span in the cell "${cell}"`);
  return match[1]!;
}

/** The first column's code spans of every table in the section. */
const firstColumn = (markdown: string, heading: RegExp) => rows(section(markdown, heading)).map((r) => code(r[0]));

const sorted = (values: Iterable<string>) => [...values].sort();

// ---- zod schemas, read as the docs word them ----------------------------------------------------

type Schema = z.core.$ZodType;
const defOf = (schema: Schema) => (schema as z.core.$ZodTypes)._zod.def;
type Check = { check: string; value?: unknown; inclusive?: boolean; maximum?: number };
const checksOf = (schema: Schema) =>
  ((defOf(schema).checks ?? []) as unknown as { _zod: { def: Check } }[]).map((c) => c._zod.def);

const quote = (value: unknown) => (typeof value === 'string' ? `'${value}'` : String(value));
/** `a`, `a or b`, `a, b or c`. */
const list = (values: string[]) =>
  values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values.at(-1)}` : (values[0] ?? '');

/** The wording of a field's type in the docs' tables, backticks left out. Unknown constructs fail loudly. */
function typeText(schema: Schema): string {
  const def = defOf(schema);
  switch (def.type) {
    case 'string': {
      const max = checksOf(schema).map((c) => {
        if (c.check !== 'max_length') throw new Error(`docs: no wording for the string check ${c.check}`);
        return c.maximum;
      });
      return max.length ? `string, at most ${Math.min(...(max as number[]))} characters` : 'string';
    }
    case 'number': {
      const range: Record<string, unknown> = {};
      for (const c of checksOf(schema)) {
        if (!c.inclusive || (c.check !== 'greater_than' && c.check !== 'less_than')) {
          throw new Error(`docs: no wording for the number check ${c.check}`);
        }
        range[c.check] = c.value;
      }
      const { greater_than: min, less_than: max } = range;
      if ((min === undefined) !== (max === undefined)) throw new Error('docs: no wording for a one-sided range');
      return min === undefined ? 'number' : `number, ${String(min)} to ${String(max)}`;
    }
    case 'boolean':
      return 'boolean';
    case 'literal':
      return list(def.values.map(quote));
    case 'enum': {
      const values = Object.values(def.entries) as string[];
      return sorted(values).join() === sorted(errorCodes).join() ? 'an error code' : list(values.map(quote));
    }
    case 'object':
      return 'object';
    case 'array': {
      const element = def.element as Schema;
      return defOf(element).type === 'object' ? 'array of objects' : `array of ${typeText(element)}`;
    }
    default:
      throw new Error(`docs: no wording for a zod ${def.type}; add one here and in docs/protocol.md`);
  }
}

interface Field {
  field: string;
  type: string;
  required: string;
}

/** Every field of an object schema, nested ones as `a.b` and `list[].b`. */
function fieldsOf(schema: Schema, prefix = ''): Field[] {
  const out: Field[] = [];
  const shape = defOf(schema) as unknown as { shape: Record<string, Schema> };
  for (const [key, value] of Object.entries(shape.shape)) {
    const optional = defOf(value).type === 'optional';
    const inner = optional ? (defOf(value) as unknown as { innerType: Schema }).innerType : value;
    const field = prefix + key;
    out.push({ field, type: typeText(inner), required: optional ? 'no' : 'yes' });
    const def = defOf(inner);
    if (def.type === 'object') out.push(...fieldsOf(inner, `${field}.`));
    if (def.type === 'array' && defOf(def.element as Schema).type === 'object') {
      out.push(...fieldsOf(def.element as Schema, `${field}[].`));
    }
  }
  return out;
}

/** The rows of a field table in the docs: field, type, required, with backticks left out. */
const documentedFields = (lines: string[]): Field[] =>
  rows(lines).map(([field, type, required]) => ({
    field: code(field),
    type: (type ?? '').replaceAll('`', ''),
    required: required ?? '',
  }));

const byField = (fields: Field[]) => [...fields].sort((a, b) => a.field.localeCompare(b.field));

const directions = [
  { direction: 'frame → page', schema: FrameMessageSchema },
  { direction: 'page → frame', schema: ParentMessageSchema },
];

/** Every message type in the schemas: its direction, envelope and data schema. */
const schemaMessages = directions.flatMap(({ direction, schema }) =>
  (defOf(schema) as unknown as { options: Schema[] }).options.map((option) => {
    const shape = (defOf(option) as unknown as { shape: Record<string, Schema> }).shape;
    const type = (defOf(shape.type!) as unknown as { values: string[] }).values[0]!;
    return { type, direction, envelope: option, data: shape.data! };
  }),
);

const MESSAGE_HEADING = /^#{2,6} `(\w+)` \((frame → page|page → frame)\)$/;
const documentedMessages = protocol
  .split('\n')
  .map((line) => MESSAGE_HEADING.exec(line))
  .filter((match) => match !== null)
  .map((match) => ({ type: match[1]!, direction: match[2]! }));

// ---- The protocol --------------------------------------------------------------------------------

test('docs/protocol.md has a section for every message type, in its direction, and no other', () => {
  const fromSchemas = schemaMessages.map(({ type, direction }) => `${type} (${direction})`);
  const fromDocs = documentedMessages.map(({ type, direction }) => `${type} (${direction})`);
  expect(sorted(fromDocs)).toEqual(sorted(fromSchemas));
  expect(new Set(fromDocs).size).toBe(fromDocs.length);
});

test.each(schemaMessages.map((message) => [message.type, message] as const))(
  'docs/protocol.md lists every field of %s as the schema has it',
  (_, message) => {
    const lines = section(protocol, new RegExp(`^#{2,6} \`${message.type}\` \\(`));
    const expected = fieldsOf(message.data);
    expect(byField(documentedFields(lines))).toEqual(byField(expected));
    // A message without fields says so, rather than showing an empty table.
    if (!expected.length) expect(lines.join('\n')).toContain('`data` is `{}`');
  },
);

test('docs/protocol.md describes the envelope every message has', () => {
  const documented = new Map(documentedFields(section(protocol, /^#{2,3} The envelope$/)).map((f) => [f.field, f]));
  for (const { envelope, type } of schemaMessages) {
    const fields = fieldsOf(envelope).filter((f) => !f.field.startsWith('data.'));
    expect(sorted(fields.map((f) => f.field)), type).toEqual(sorted(documented.keys()));
    for (const field of fields) {
      expect(documented.get(field.field)!.required, `${type}.${field.field}`).toBe(field.required);
      // `type` differs per message and `data` has its own section; the rest are the same for all.
      if (field.field !== 'type' && field.field !== 'data') {
        expect(documented.get(field.field)!.type, `${type}.${field.field}`).toBe(field.type);
      }
    }
  }
});

test('docs/portals.md lists every error code, and no other', () => {
  const documented = firstColumn(portals, /^### Error codes$/);
  expect(sorted(documented)).toEqual(sorted(errorCodes));
  expect(sorted(documented)).toEqual(sorted(Object.keys(ErrorCode)));
  expect(new Set(documented).size).toBe(documented.length);
});

// ---- The loader's options and attributes ---------------------------------------------------------

test('docs/portals.md lists every option KYCVS.render reads, and no other', () => {
  const read = new Set<string>();
  // readOptions reads each option as an own property: the proxy sees which ones it asks for.
  const options = new Proxy(
    { provider: 'demo-irctc' },
    {
      getOwnPropertyDescriptor(target, key) {
        if (typeof key === 'string') read.add(key);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
    },
  );
  readOptions(options, 'en');
  expect(read.size).toBeGreaterThan(3);
  expect(sorted(firstColumn(portals, /^### Options$/))).toEqual(sorted(read));
});

test('docs/portals.md lists every attribute the div and <kycvs-verify> read, and no other', () => {
  const readBy = (prefix: '' | 'data-') => {
    const names = new Set<string>();
    optionsFromAttributes((name) => (names.add(name), null), {}, prefix);
    return sorted(names);
  };
  const table = rows(section(portals, /^### Attributes/));
  expect(sorted(table.map((row) => code(row[0])))).toEqual(readBy('data-'));
  expect(sorted(table.map((row) => code(row[1])))).toEqual(readBy(''));
});

test('docs/portals.md lists every frame.html parameter the host reads, and no other', () => {
  const read = new Set<string>();
  frameConfigFor(demoRegistry('https://portal.example'), (name) => (read.add(name), undefined));
  // Read by the frame itself, in the browser, from its own address.
  expect(readTheme('?theme=dark')).toBe('dark');
  expect(readAccent('?accent=%23123456')).toBe('#123456');
  read.add('theme').add('accent');
  expect(sorted(firstColumn(portals, /^## The frame's address$/))).toEqual(sorted(read));
});

// ---- The server helper and siteverify ------------------------------------------------------------

test('docs/server.md lists every reason verifyStatusToken gives, and no other', () => {
  const documented = firstColumn(server, /^### Why a token is refused$/);
  expect(sorted(documented)).toEqual(sorted(Object.values(StatusTokenErrorCode)));
});

test('docs/server.md lists every siteverify error code, and no other', () => {
  const documented = firstColumn(server, /^### siteverify's error codes$/);
  expect(sorted(documented)).toEqual(sorted(Object.values(SiteverifyErrorCode)));
});

// ---- The parser itself -------------------------------------------------------------------------

test('the table reader skips headers and separators, and reads code spans', () => {
  const lines = ['| a | b |', '|---|---|', '| `x` | one |', '| `y.z` | two |', 'prose'];
  expect(rows(lines)).toEqual([
    ['`x`', 'one'],
    ['`y.z`', 'two'],
  ]);
  expect(() => section('# a\ntext', /^## b$/)).toThrow('no heading');
});

test('the README lists every environment variable the host reads, and no other', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const sources = ['../host-page/server/config.ts', '../host-page/server/main.ts'].map((file) =>
    readFileSync(new URL(file, import.meta.url), 'utf8'),
  );
  const read = new Set<string>();
  for (const source of sources) {
    for (const match of source.matchAll(/env(?:\.|\[')([A-Z][A-Z0-9_]+)|env, '([A-Z][A-Z0-9_]+)'/g)) {
      read.add(match[1] ?? match[2]!);
    }
  }
  const listed = rows(section(readme, /^## Environment variables/)).flatMap((row) =>
    [...row[0]!.matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1]!),
  );
  expect(sorted(new Set(listed))).toEqual(sorted(read));
});

test('docs/api.md names every endpoint of the API, and every error status the API answers', () => {
  const api = doc('api.md');
  for (const path of Object.values(API_ENDPOINTS)) expect(api, path).toContain(path);
});

test('docs/architecture.md names every part at the top of the repository', () => {
  const architecture = doc('architecture.md');
  for (const part of ['contract', 'widget', 'host-page', 'sdk', 'demo', 'mock-api', 'e2e', 'scripts', 'docs']) {
    expect(architecture).toContain(`\`${part}/\``);
  }
});

test('every docs/ page a comment in the code points to exists, and none points to DESIGN.md', () => {
  const sources = execFileSync('git', ['ls-files', '*.ts', '*.tsx', '*.js', '*.css', '*.html'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
  })
    .split('\n')
    .filter((file) => file && file !== 'scripts/docs.test.ts');
  const cited = new Set<string>();
  for (const file of sources) {
    const text = readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
    expect(text, file).not.toMatch(/DESIGN\.md|\bcontract [0-9]\b/i);
    for (const match of text.matchAll(/docs\/([\w-]+\.md)/g)) cited.add(match[1]!);
  }
  expect(cited.size).toBeGreaterThan(4);
  for (const page of cited) expect(existsSync(new URL(`../docs/${page}`, import.meta.url)), page).toBe(true);
});
