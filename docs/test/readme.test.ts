// The README's code sample is the tested one: the `glue` region of the dealership week example,
// word for word.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './pages.js';

const region = (text: string, name: string): string => {
  const start = text.indexOf(`// #region ${name}\n`);
  const end = text.indexOf(`// #endregion ${name}`);
  if (start < 0 || end < 0) throw new Error(`no region ${name}`);
  return text.slice(start + `// #region ${name}\n`.length, end);
};

it('the README shows the dealership example’s glue, as tested', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const example = readFileSync(join(ROOT, 'docs/examples/dealership-week.test.ts'), 'utf8');
  const section = readme.slice(readme.indexOf('## Using @huiyi/core'));
  const sample = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  expect(sample).toBe(region(example, 'glue'));
});
