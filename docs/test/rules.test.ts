// The rules page against the code: every rule ID once; for each rule held today, the
// names that hold it exist (an export, a command, or a piece of the kiosk) and each test file named
// exists and names the rule.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as core from '@huiyi/core';
import * as testing from '@huiyi/core/testing';
import { ROOT, codeSpans, page, tableRows } from './pages.js';

const range = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);
/** Every rule of the policy, in its order. */
const DOMAIN_RULES = [
  ...range('T', 4),
  ...range('P', 3),
  ...range('M', 8),
  ...range('N', 5),
  ...range('F', 8),
  ...range('E', 2),
  ...range('R', 12),
  ...range('K', 5),
  ...range('S', 6),
  ...range('C', 4),
];
/** The rules the code holds today: these may not be marked coming. Every one. */
const HELD = DOMAIN_RULES;
/** The sync hub's and the calendars' rules: each test file cited for them names the rule in a test's title. */
const TITLED = /^[SC]-/;

/** Where the core's tests are; the page names them from here. */
const CORE = join(ROOT, 'packages/core/src');
const rows = tableRows(page('guide/rules.md')).filter((r) => /^[A-Z]-\d+$/.test(r[0] ?? ''));

function kioskSources(dir = join(ROOT, 'kiosk', 'src')): string {
  return readdirSync(dir, { withFileTypes: true })
    .map((e) =>
      e.isDirectory()
        ? kioskSources(join(dir, e.name))
        : e.name.endsWith('.ts')
          ? readFileSync(join(dir, e.name), 'utf8')
          : '',
    )
    .join('\n');
}
const kiosk = kioskSources();

const commands = new Set<string>([
  ...core.BOOKING_COMMAND_TYPES,
  ...core.MEETING_COMMAND_TYPES,
  ...core.MINUTES_COMMAND_TYPES,
  ...core.POLICY_COMMAND_TYPES,
  ...core.UPKEEP_COMMAND_TYPES,
  ...core.FEE_COMMAND_TYPES,
  ...core.ACTION_COMMAND_TYPES,
  'RegisterPerson',
]);
// @huiyi/store-idb's exports, from its index (the docs do not depend on the IndexedDB package).
const storeIndex = readFileSync(join(ROOT, 'packages/store-idb/src/index.ts'), 'utf8');
const store = [...storeIndex.matchAll(/^export \{([^}]+)\}/gm)].flatMap((m) =>
  (m[1] as string).split(',').map((n) => n.trim()),
);
// @huiyi/hub's value exports, from its index and the calendar's (the docs do not depend on the hub).
const hubIndexes = ['packages/hub/src/index.ts', 'packages/hub/src/calendar/index.ts'];
const hub = hubIndexes.flatMap((f) =>
  [...readFileSync(join(ROOT, f), 'utf8').matchAll(/^export \{([^}]+)\}/gm)].flatMap((m) =>
    (m[1] as string).split(',').map((n) => n.trim()),
  ),
);
const exported = new Set([...Object.keys(core), ...Object.keys(testing), ...store, ...hub]);

/**
 * Whether a test file has a test (or a group) whose title names the rule: `it('S-2: …')`,
 * `it.skipIf(skip)('K-3, S-2: …')`, `describe(\n  'C-1 …')`.
 */
function titled(text: string, id: string): boolean {
  return new RegExp(
    `\\b(?:it|test|describe)(?:\\.\\w+(?:\\([^)]*\\))?)?\\(\\s*(['"\`])(?:(?!\\1).)*?\\b${id}\\b`,
  ).test(text);
}

/** Whether a name in the "held by" column stands for something real. */
function known(name: string): boolean {
  const param = /^([a-z]+)\.(\w+)$/.exec(name);
  if (param) {
    const group = (core.DEFAULT_PARAMETERS as unknown as Record<string, Record<string, unknown>>)[
      param[1] as string
    ];
    return group !== undefined && Object.hasOwn(group, param[2] as string);
  }
  if (exported.has(name) || commands.has(name)) return true;
  // A piece of the kiosk: a class, function or constant a module of it exports, or an element.
  return (
    new RegExp(`export (class|function|const|let) [^=;]*\\b${name}\\b`).test(kiosk) ||
    kiosk.includes(`customElements.define('${name}',`)
  );
}

describe('the rules page', () => {
  it('lists every rule exactly once, in order', () => {
    expect(rows.map((r) => r[0])).toEqual(DOMAIN_RULES);
  });

  it.each(rows.map((r) => [r[0], r] as const))('%s: its names exist', (_, row) => {
    const names = codeSpans(row[2] ?? '');
    expect(names.filter((n) => !known(n))).toEqual([]);
  });

  const held = rows.filter((r) => !(r[2] ?? '').includes('*coming*'));
  it('marks coming no rule the code holds today', () => {
    expect(HELD.filter((id) => !held.some((r) => r[0] === id))).toEqual([]);
  });

  it.each(held.map((r) => [r[0], r] as const))(
    '%s: held by names, proven by tests that name it',
    (id, row) => {
      expect(codeSpans(row[2] ?? '').length).toBeGreaterThan(0);
      const tests = codeSpans(row[3] ?? '');
      expect(tests.length).toBeGreaterThan(0);
      for (const test of tests) {
        const file = /^kiosk\/|^packages\/|^[^/]+$/.test(test)
          ? join(ROOT, test)
          : join(CORE, test);
        expect(existsSync(file), test).toBe(true);
        const text = readFileSync(file, 'utf8');
        expect(text, `${test} names ${id}`).toMatch(new RegExp(`\\b${id}\\b`));
        if (id !== undefined && TITLED.test(id))
          expect(titled(text, id), `a test title in ${test} names ${id}`).toBe(true);
      }
    },
  );

  it('finds a rule in a test title, not in a comment or an assertion', () => {
    expect(titled(`it.skipIf(skip)(\n  'K-3, S-2: a door…', () => {})`, 'S-2')).toBe(true);
    expect(titled(`it("S-4: a room's bookings", () => {})`, 'S-4')).toBe(true);
    expect(titled(`// S-2: a comment\nexpect(rule).toBe('S-2');\nit('K-3: …')`, 'S-2')).toBe(false);
    expect(titled(`it('S-23: …')`, 'S-2')).toBe(false);
  });

  it('coming rules claim no tests', () => {
    for (const row of rows.filter((r) => !held.includes(r))) expect(row[3]).toBe('—');
  });
});

describe('the Chinese rules page', () => {
  const zh = tableRows(page('zh/guide/rules.md')).filter((r) => /^[A-Z]-\d+$/.test(r[0] ?? ''));
  const spans = (table: string[][]) =>
    table.map((r) => [
      r[0],
      codeSpans(r[2] ?? ''),
      r[2]?.includes('*coming*'),
      codeSpans(r[3] ?? ''),
    ]);

  it('has the same rules, names and tests as the English page', () => {
    expect(spans(zh)).toEqual(spans(rows));
  });
});
