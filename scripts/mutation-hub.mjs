#!/usr/bin/env node
// The hub's mutation score, from Stryker's JSON reports. Two runs, each with its configuration:
// the pure modules against their own suites (packages/hub/stryker.config.json, no database), and
// the hub's engine, src/hub.ts, against the suites that push and pull through it on PGlite
// (packages/hub/stryker.db.config.json; slow, so Stryker's incremental file is kept beside the
// summary and a re-run tries again only the mutants whose code or tests changed).
//
//   npm run mutation:hub                  Stryker, both runs, then the summary
//   npm run mutation:hub -- src/cursor.ts Stryker over these files only, each in its own run (their
//                                         results replace the kept ones; paths inside packages/hub)
//   node scripts/mutation-hub.mjs         re-read the last reports: summary, page, floors
//   node scripts/mutation-hub.mjs --check no Stryker: the kept summary against the floors, and
//                                         fails when a file's kept result is stale
//
// Keeps packages/hub/stryker/summary.json (the scores, each file's first measurement as "before",
// and a hash of what each file was judged on: its source, the test files its mutants were run
// against and the fixtures they import) and writes docs/quality/mutation-hub.md. Exits 1 when a
// floor fails or, with --check, when a kept result is stale or missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgedOn, staleOf, walk } from './mutation-judged.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const hub = join(root, 'packages/hub');
const SUMMARY = join(hub, 'stryker/summary.json');
const DOC = join(root, 'docs/quality/mutation-hub.md');
/** Written by hand: the most telling survivors of a run and the tests that now kill them. */
const TELLING = join(hub, 'stryker/telling.md');

/** The hub's two Stryker runs: their configuration and the JSON report each writes. */
const RUNS = [
  { config: 'stryker.config.json', report: 'reports/mutation/mutation.json' },
  { config: 'stryker.db.config.json', report: 'reports/mutation/mutation-db.json' },
];

/** The floors, as for the core: the hub's mutated modules as a whole, and every file. */
export const FLOOR = { all: 90, file: 85 };

const readJson = (p, fallback) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')) : fallback);

/** The files a run mutates (its configuration's `mutate`, no negations, line ranges dropped). */
const mutatedBy = (run) => [
  ...new Set(
    (readJson(join(hub, run.config), {}).mutate ?? [])
      .filter((p) => !p.startsWith('!'))
      .map((p) => p.replace(/:\d[\d:-]*$/, '')),
  ),
];

/** Every file under mutation testing, in either run. */
const allMutated = () => RUNS.flatMap(mutatedBy);

/** The run that mutates a file. */
const runOf = (f) => RUNS.find((run) => mutatedBy(run).includes(f));

const isTest = (f) => f.endsWith('.test.ts');
/** Code that tests run but Stryker does not mutate: fixtures, the testing helpers, test/ support. */
const isHelper = (f) =>
  f.endsWith('.ts') &&
  !isTest(f) &&
  (f.endsWith('.test-helpers.ts') || f.startsWith('src/testing/') || f.startsWith('test/'));

/**
 * The test files a file's mutants are run against: for the engine, the database suites its run
 * names (`testFiles` of stryker.db.config.json); for a pure module, its own suites beside it
 * (`<name>.test.ts`, `<name>.*.test.ts`), as vitest.stryker.config.ts runs them.
 */
export function testsJudging(f, all = walk(hub)) {
  const tests = readJson(join(hub, runOf(f)?.config ?? RUNS[0].config), {}).testFiles;
  if (Array.isArray(tests) && tests.length > 0) return [...tests].sort();
  const dir = posix.dirname(f);
  const stem = posix.basename(f, '.ts');
  return all.filter(
    (t) => t === `${dir}/${stem}.test.ts` || (t.startsWith(`${dir}/${stem}.`) && isTest(t)),
  );
}

/** What a file's result was judged on (as the report holds it, or as it is on disk now). */
const judged = (f, report, all) => judgedOn(hub, f, testsJudging(f, all), isHelper, report);

/**
 * The mutated files whose kept results may no longer hold: their source, a test judging them or
 * a fixture such a test imports changed since they were measured, or they were never measured.
 */
export function staleFiles(summary) {
  const all = walk(hub);
  const stale = staleOf(hub, summary?.judged, (f) => judged(f, undefined, all));
  const unmeasured = allMutated().filter(
    (f) => existsSync(join(hub, f)) && summary?.judged?.[f] === undefined,
  );
  return [...new Set([...stale, ...unmeasured])].sort();
}

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
  const telling = existsSync(TELLING) ? `\n${readFileSync(TELLING, 'utf8').trim()}\n` : '';
  return `# Mutation score of @huiyi/hub

Written by \`npm run mutation:hub\` (\`scripts/mutation-hub.mjs\`) from Stryker's JSON reports; do
not edit by hand. Two runs. The hub's pure modules that hold a rule
(\`packages/hub/stryker.config.json\`), each against its own suites, none of which opens a
database: the clock rule, feed cursors, what a door may issue and read, the read-model rows, the
hub's and the auth layer's refusals, secrets and enrolment codes, and who may read what. And the
hub's engine, \`src/hub.ts\` (\`packages/hub/stryker.db.config.json\`), by line range: the parts
that keep a client's mutations and read them back (\`push\`, the chain of a client's mutations in
order, the outcome of each, the counter, \`pull\`, \`feed\` and its pages), against the suites
that push and pull through it, on PGlite only (the server variants are skipped in this run: it
would take twice as long); which parts are not mutated yet, and why, is in
docs/decisions/mutation-testing.md. The exactly-once bookkeeping itself (a repeated push applied
once, a mutation ahead of its predecessor kept until it arrives, the counter, a room moved under
the cache) is PL/pgSQL in the migrations (\`hub_apply\`, \`hub_apply_many\`, \`hub_apply_all\`),
SQL text that Stryker does not mutate: it is held by the hub's suites on PGlite and PostgreSQL
(\`hub.rules.test.ts\`, \`hub.test.ts\`, \`apply-many.test.ts\`, \`push-all.test.ts\`,
\`faults.test.ts\`, \`concurrency.test.ts\`, \`model.test.ts\`), not measured here.

Floors, as for the core: ${FLOOR.all} % over these modules, ${FLOOR.file} % for every file
(\`node scripts/mutation-hub.mjs --check\`, which also fails when a file's kept result is stale:
its source, a test judging it, or a fixture such a test imports changed since it was measured).
"before" is each file's first measurement, before the tests named after the rules its surviving
mutants broke.

Score = (killed + timed out) / (killed + timed out + survived + not covered), over the "counted"
mutants. Not counted: mutants disabled in the source with a reason (equivalent ones, and the one
pass-through to the database; listed in docs/decisions/mutation-testing.md), and static mutants
(module-level constants such as the sets of door and admin commands, which Stryker skips:
\`ignoreStatic\`).

| file | score | before | killed | timeout | survived | no coverage | counted | disabled | static |
|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}
${telling}
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
    const started = Date.now();
    const problems = belowFloors(summary.scores).map((p) => `below the floor: ${p}`);
    const stale = staleFiles(summary);
    if (stale.length > 0)
      problems.push(
        `the kept result is stale for ${stale.length} file(s): ${stale.join(', ')}; run npm run mutation:hub -- ${stale.join(' ')} and commit packages/hub/stryker and docs/quality/mutation-hub.md`,
      );
    console.log(
      `mutation check, hub: ${pct(summary.scores.all)} over ${Object.keys(summary.judged ?? {}).length} files in ${Date.now() - started} ms`,
    );
    for (const p of problems) console.error(`mutation: ${p}`);
    process.exit(problems.length > 0 ? 1 : 0);
  }
  const asked = argv
    .filter((a) => !a.startsWith('--'))
    .map((f) => f.replace(/^packages\/hub\//, ''));
  for (const f of asked)
    if (!runOf(f) || !existsSync(join(hub, f))) throw new Error(`not a mutated file: ${f}`);
  let runs = RUNS.filter((run) => existsSync(join(hub, run.report)));
  if (argv.includes('--run')) {
    runs = asked.length > 0 ? RUNS.filter((run) => asked.some((f) => runOf(f) === run)) : RUNS;
    for (const run of runs) {
      // concurrency 1 (in the configurations) and a low priority: the machine is shared
      // as the configuration names them (with their line ranges, if any)
      const files = (readJson(join(hub, run.config), {}).mutate ?? []).filter((p) =>
        asked.includes(p.replace(/:\d[\d:-]*$/, '')),
      );
      const args = ['-n', '15', 'npx', 'stryker', 'run', run.config];
      if (files.length > 0) args.push('--mutate', files.join(','));
      const r = spawnSync('nice', args, { cwd: hub, stdio: 'inherit' });
      if (r.status !== 0) process.exit(r.status ?? 1);
    }
  }
  if (runs.length === 0) throw new Error('no Stryker report: run npm run mutation:hub');
  const old = readJson(SUMMARY, {});
  const all = walk(hub);
  const mutated = new Set(allMutated());
  const runFiles = {};
  const judgedNow = {};
  const alive = [];
  for (const run of runs) {
    const report = readJson(join(hub, run.report), undefined);
    for (const [f, c] of Object.entries(scores(report).files)) {
      if (!mutated.has(f) || runOf(f) !== run) continue;
      runFiles[f] = c;
      judgedNow[f] = judged(f, report, all);
    }
    alive.push(...survivors(report).filter((r) => r.file in judgedNow));
  }
  // A run of some files only (`npm run mutation:hub -- src/cursor.ts`) replaces those files'
  // results and keeps the others'; a file no longer mutated is dropped.
  const kept = (f) => mutated.has(f) && existsSync(join(hub, f)) && !(f in runFiles);
  const byName = ([a], [b]) => a.localeCompare(b);
  const files = Object.fromEntries(
    [
      ...Object.entries(old.scores?.files ?? {}).filter(([f]) => kept(f)),
      ...Object.entries(runFiles),
    ].sort(byName),
  );
  const s = { all: total(Object.values(files)), files };
  const before = { all: old.before?.all ?? s.all, files: { ...old.before?.files } };
  for (const [f, c] of Object.entries(s.files)) before.files[f] ??= c;
  // the whole's "before": every file's first measurement added up
  before.all = total(Object.keys(s.files).map((f) => before.files[f]));
  const left = [...(old.left ?? []).filter((r) => kept(r.file)), ...alive].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line,
  );
  const judgedAll = Object.fromEntries(
    [
      ...Object.entries(old.judged ?? {}).filter(([f]) => kept(f)),
      ...Object.entries(judgedNow),
    ].sort(byName),
  );
  const summary = { scores: s, before, left, judged: judgedAll };
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
