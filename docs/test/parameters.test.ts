// The policy page's tables against DEFAULT_PARAMETERS and PARAMETER_SCHEMA, and each parameter's rule
// against its TSDoc in the core: a parameter added, removed or changed fails here until the page
// says so.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEFAULT_PARAMETERS, PARAMETER_SCHEMA, type FieldSpec } from '@huiyi/core';
import { ROOT, page, tableRows } from './pages.js';
import { allowedCell, defaultCell } from './parameter-table.js';

const rows = tableRows(page('guide/policy.md')).filter((r) => /^`\w+\.\w+`$/.test(r[0] ?? ''));
const defaults = DEFAULT_PARAMETERS as unknown as Record<string, Record<string, unknown>>;
const source = readFileSync(join(ROOT, 'packages/core/src/policy/parameters.ts'), 'utf8');

/** The rule a field's TSDoc starts with (`R-2: the shortest booking …`). */
function ruleOf(field: string): string | undefined {
  const at = source.search(new RegExp(`readonly ${field}:`));
  const doc = source.slice(source.lastIndexOf('/**', at), at);
  return /([A-Z]-\d+):/.exec(doc)?.[1];
}

const parameters = Object.entries(PARAMETER_SCHEMA).flatMap(([group, fields]) =>
  Object.entries(fields as Record<string, FieldSpec>).map(([field, spec]) => ({
    path: `${group}.${field}`,
    field,
    spec,
    value: defaults[group]?.[field],
  })),
);

it("P-1: the page has one row per parameter, in the code's order", () => {
  expect(rows.map((r) => r[0])).toEqual(parameters.map((p) => `\`${p.path}\``));
});

it.each(parameters.map((p) => [p.path, p] as const))(
  'P-1: %s: default, range and rule as in the code',
  (path, p) => {
    const row = rows.find((r) => r[0] === `\`${path}\``);
    expect(row?.slice(1, 4)).toEqual([
      defaultCell(p.spec, p.value),
      allowedCell(p.spec),
      ruleOf(p.field),
    ]);
    expect(row?.[4]?.length).toBeGreaterThan(10);
  },
);
