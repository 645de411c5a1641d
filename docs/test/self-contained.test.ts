// The repository stands alone: nothing in it sends a reader to files outside it (a shared folder, a
// spec kept elsewhere) or to an issue tracker's numbers; docs pages are cited instead.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const SELF = relative(ROOT, fileURLToPath(import.meta.url));

/** What may not appear anywhere: each pattern, and what it points at. */
const OUTSIDE: readonly [RegExp, string][] = [
  [/\.\.\/shared\b/, 'a folder outside the repository'],
  [/\/work\/shared\b/, 'a folder outside the repository'],
  [/\bDOMAIN\.md\b/, 'a spec kept outside the repository'],
  [/\bDESIGN\.md\b/, 'a design kept outside the repository'],
  [/\b(?:issues?|tickets?|PRs?|pull requests?)\s*#\s*\d+/i, 'an issue number'],
];

/** Every file git tracks or would track (not ignored), but node_modules and this test. */
function files(): string[] {
  const out = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return out
    .split('\0')
    .filter((f) => f !== '' && f !== SELF && !f.split('/').includes('node_modules'));
}

describe('the repository stands alone', () => {
  const listed = files();

  it('lists the repository’s files (the scan is not empty)', () => {
    expect(listed).toContain('README.md');
    expect(listed).toContain('packages/core/src/index.ts');
    expect(listed.length).toBeGreaterThan(200);
  });

  it('no file points outside the repository or at an issue number', () => {
    const found: string[] = [];
    for (const file of listed) {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        continue; // listed but gone (deleted in the work tree)
      }
      if (text.includes('\0')) continue; // binary
      text.split('\n').forEach((line, i) => {
        for (const [pattern, what] of OUTSIDE)
          if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}: ${line.trim()}`);
      });
    }
    expect(found).toEqual([]);
  });

  it('catches what it looks for', () => {
    const hits = (line: string) => OUTSIDE.filter(([p]) => p.test(line)).length;
    expect(hits('see ../shared/rules')).toBe(1);
    expect(hits('as DOMAIN.md says')).toBe(1);
    expect(hits('(DESIGN.md §4)')).toBe(1);
    expect(hits('accepted (issue #6, the kiosk)')).toBe(1);
    expect(hits('Status: accepted (issues #3 and #4: rooms)')).toBe(1);
    expect(hits('as PR #12 did')).toBe(1);
    expect(hits('entries are numbered per person (`li#1`, `li#2`)')).toBe(0);
    expect(hits('see the rules page (docs/guide/rules.md); issued notices')).toBe(0);
  });
});
