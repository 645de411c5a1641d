#!/usr/bin/env node
// The hub's mutation score, from Stryker's JSON report (packages/hub/reports/mutation/mutation.json).
//
//   npm run mutation:hub                  Stryker over the hub's pure modules, then the summary
//   npm run mutation:hub -- src/cursor.ts Stryker over these files only (their results replace the
//                                         kept ones; paths inside packages/hub)
//   node scripts/mutation-hub.mjs         re-read the last report: summary, page, floors
//   node scripts/mutation-hub.mjs --check no report needed: the kept summary against the floors
//
// Keeps packages/hub/stryker/summary.json (the scores, and each file's first measurement as
// "before") and writes docs/quality/mutation-hub.md. Exits 1 when a floor fails.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const hub = join(root, 'packages/hub');
const REPORT = join(hub, 'reports/mutation/mutation.json');
const SUMMARY = join(hub, 'stryker/summary.json');
const DOC = join(root, 'docs/quality/mutation-hub.md');

/** The floors, as for the core: the hub's mutated modules as a whole, and every file. */
export const FLOOR = { all: 90, file: 85 };

const readJson = (p, fallback) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : fallback);

/** Counts of a file's mutants and its score: (killed + timed out) / every counted mutant. */
export function count(mutants) {
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, static: 0, errors: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed++;
    else if (m.status === 'Timeout') c.timeout++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
    else if (m.status === 'Ignored') {
      c.ignored++;
      if (/^Static mutant/.test(m.statusReason ?? '')) c.static++;
    } else c.errors++;
  }
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return { ...c, valid, score: valid === 0 ? 100 : Math.floor((detected / valid) * 1000) / 10 };
}

/** Scores per file and for all of them, from a Stryker report. */
export function scores(report) {
  const files = {};
  const all = [];
  for (const [f, { mutants }] of Object.entries(report.files).sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    files[f] = count(mutants);
    all.push(...mutants);
  }
  return { all: count(all), files };
}

/** The counts of several files added up, and their score. */
function total(counts) {
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, static: 0, errors: 0 };
  for (const x of counts) for (const k of Object.keys(c)) c[k] += x[k] ?? 0;
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return { ...c, valid, score: valid === 0 ? 100 : Math.floor((detected / valid) * 1000) / 10 };
}

/** What is below a floor. */
export function belowFloors(s) {
  const problems = [];
  if (s.all.score < FLOOR.all) problems.push(`the hub ${s.all.score} % < ${FLOOR.all} %`);
  for (const [f, c] of Object.entries(s.files))
    if (c.valid > 0 && c.score < FLOOR.file) problems.push(`${f} ${c.score} % < ${FLOOR.file} %`);
  return problems;
}

/** The mutants left alive, where they are and what they changed. */
function survivors(report) {
  const rows = [];
  for (const [f, { mutants, source }] of Object.entries(report.files)) {
    const lines = source.split('\n');
    for (const m of mutants) {
      if (m.status !== 'Survived' && m.status !== 'NoCoverage') continue;
      const line = m.location.start.line;
      rows.push({
        file: f,
        line,
        mutator: m.mutatorName,
        status: m.status,
        code: (lines[line - 1] ?? '').trim(),
        replacement: m.replacement ?? '',
      });
    }
  }
  return rows.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

const disabled = (c) => (c.static === undefined ? '–' : c.ignored - c.static);
const pct = (c) => (c === undefined ? '–' : c.valid === 0 ? '–' : `${c.score.toFixed(1)} %`);
const cell = (s) =>
  `\`${s.replace(/\s+/g, ' ').replace(/`/g, "'").replace(/\|/g, '\\|').slice(0, 80)}\``;

function page(summary) {
  const { scores: s, before, left } = summary;
  const rows = [
    `| **all** | **${pct(s.all)}** | ${pct(before.all)} | ${s.all.killed} | ${s.all.timeout} | ${s.all.survived} | ${s.all.noCoverage} | ${s.all.valid} | ${disabled(s.all)} | ${s.all.static ?? '–'} |`,
    ...Object.entries(s.files).map(
      ([f, c]) =>
        `| ${f} | ${pct(c)} | ${pct(before.files[f])} | ${c.killed} | ${c.timeout} | ${c.survived} | ${c.noCoverage} | ${c.valid} | ${disabled(c)} | ${c.static ?? '–'} |`,
    ),
  ];
  const alive =
    left.length === 0
      ? 'None.'
      : [
          '| file | line | mutator | status | code | mutated to |',
          '|---|---|---|---|---|---|',
          ...left.map(
            (r) =>
              `| ${r.file} | ${r.line} | ${r.mutator} | ${r.status} | ${cell(r.code)} | ${cell(r.replacement)} |`,
          ),
        ].join('\n');
  return `# Mutation score of @huiyi/hub

Written by \`npm run mutation:hub\` (\`scripts/mutation-hub.mjs\`) from Stryker's JSON report; do
not edit by hand. Only the hub's pure modules that hold a rule are mutated
(\`packages/hub/stryker.config.json\`), each against its own suites, none of which opens a
database: the clock rule, feed cursors, what a door may issue and read, the read-model rows, the
hub's and the auth layer's refusals, secrets and enrolment codes, and who may read what. The
modules that talk to the database (the hub itself, the stores, the routes) are tested by the hub's
suites on PGlite and PostgreSQL, not mutated.

Floors, as for the core: ${FLOOR.all} % over these modules, ${FLOOR.file} % for every file
(\`node scripts/mutation-hub.mjs --check\`). "before" is each file's first measurement, with the
first suites only, before the tests named after the rules its surviving mutants broke.

Score = (killed + timed out) / (killed + timed out + survived + not covered), over the "counted"
mutants. Not counted: mutants disabled in the source with a reason (equivalent ones, and the one
pass-through to the database; listed in docs/decisions/mutation-testing.md), and static mutants
(module-level constants such as the sets of door and admin commands, which Stryker skips:
\`ignoreStatic\`).

| file | score | before | killed | timeout | survived | no coverage | counted | disabled | static |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

## Mutants left alive

${alive}
`;
}

function main(argv) {
  if (argv.includes('--check')) {
    const summary = readJson(SUMMARY, undefined);
    if (!summary) {
      console.error('mutation: no kept summary (packages/hub/stryker/summary.json)');
      process.exit(1);
    }
    const problems = belowFloors(summary.scores);
    for (const p of problems) console.error(`mutation: below the floor: ${p}`);
    process.exit(problems.length > 0 ? 1 : 0);
  }
  if (argv.includes('--run')) {
    // concurrency 1 and a low priority: the machine is shared
    const files = argv
      .filter((a) => !a.startsWith('--'))
      .map((f) => f.replace(/^packages\/hub\//, ''));
    const args = [
      '-n',
      '15',
      'npx',
      'stryker',
      'run',
      ...(files.length > 0 ? ['--mutate', files.join(',')] : []),
    ];
    const r = spawnSync('nice', args, { cwd: hub, stdio: 'inherit' });
    if (r.status !== 0) process.exit(r.status ?? 1);
  }
  const report = readJson(REPORT, undefined);
  if (!report) throw new Error(`no Stryker report at ${REPORT}: run npm run mutation:hub`);
  const old = readJson(SUMMARY, {});
  const run = scores(report);
  // A run of some files only (`npm run mutation:hub -- --mutate src/cursor.ts`) replaces those
  // files' results and keeps the others'; a file no longer mutated is dropped.
  const mutated = new Set(readJson(join(hub, 'stryker.config.json'), {}).mutate ?? []);
  const kept = (f) => mutated.has(f) && existsSync(join(hub, f)) && !(f in run.files);
  const files = Object.fromEntries(
    [
      ...Object.entries(old.scores?.files ?? {}).filter(([f]) => kept(f)),
      ...Object.entries(run.files),
    ].sort(([a], [b]) => a.localeCompare(b)),
  );
  const s = { all: total(Object.values(files)), files };
  const before = { all: old.before?.all ?? s.all, files: { ...old.before?.files } };
  for (const [f, c] of Object.entries(s.files)) before.files[f] ??= c;
  const left = [...(old.left ?? []).filter((r) => kept(r.file)), ...survivors(report)].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
  );
  const summary = { scores: s, before, left };
  writeFileSync(SUMMARY, `${JSON.stringify(summary, null, 1)}\n`);
  writeFileSync(DOC, page(summary));
  console.log(
    `mutation score, hub: ${pct(s.all)} (${s.all.killed + s.all.timeout}/${s.all.valid})`,
  );
  for (const [f, c] of Object.entries(s.files))
    console.log(
      `  ${f.padEnd(26)} ${pct(c).padStart(8)}  (${c.survived} survived, ${c.noCoverage} not covered)`,
    );
  const problems = belowFloors(s);
  for (const p of problems) console.error(`below the floor: ${p}`);
  if (problems.length > 0) process.exitCode = 1;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
