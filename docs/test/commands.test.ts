// The command reference page is the command shapes, written out: every field of every command
// with its limits. Regenerate it with UPDATE_COMMAND_REFERENCE=1 after a shape changes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandReference, CONTEXTS } from './command-reference.js';
import { DOCS } from './pages.js';

const PAGE = join(DOCS, 'guide/commands.md');
const START = '<!-- generated from the command shapes: start -->';
const END = '<!-- generated from the command shapes: end -->';

describe('the command reference (guide/commands.md)', () => {
  it('T-4: lists every field of every command with its limits, as the shapes check them', () => {
    const text = readFileSync(PAGE, 'utf8');
    const [head, rest] = text.split(START);
    const tail = rest?.split(END)[1];
    expect(head, 'the page has its generated part').toBeDefined();
    expect(tail, 'the generated part is closed').toBeDefined();
    const generated = `${START}\n\n${commandReference()}\n${END}`;
    const now = `${head}${generated}${tail}`;
    if (process.env['UPDATE_COMMAND_REFERENCE'] === '1') writeFileSync(PAGE, now);
    expect(text).toBe(now);
  });

  it('T-4: every command carries its now and its actor', () => {
    for (const { shapes } of CONTEXTS) {
      for (const type of Object.keys(shapes)) {
        expect(commandReference()).toContain(`### ${type}`);
      }
    }
    expect(commandReference()).toContain('| `headcount` | yes | a whole number from 1 to 10000 |');
    expect(commandReference()).toContain('| `topic` | yes | text of 1 to 200 characters |');
  });
});
