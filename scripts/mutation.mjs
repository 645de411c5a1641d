#!/usr/bin/env node
// The core's mutation testing (Stryker), incremental against the report kept in the repository.
//
//   npm run mutation                      mutate what changed since the kept report, merge, summarise
//   npm run mutation -- src/rooms/x.ts …  mutate these files (paths inside packages/core)
//   npm run mutation -- --all             also mutate the files never measured yet (hours, not minutes)
//   npm run mutation -- --check           no Stryker: fail when the kept report is stale or a floor fails
//   npm run mutation -- --summary         print the score per context and per file from the kept report
//
// Stryker's own incremental file (packages/core/stryker/incremental.json) holds every file's
// mutants and the sources they were judged on; `stryker/summary.json` holds the scores and a hash
// of every mutated file and test file, so a check needs no Stryker run. Each Stryker run mutates only
// the files asked for (concurrency 1: the machine is shared), reading the kept file so that mutants
// whose code and tests did not change are not run again, and its results are merged back in.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgedOn as judged, sha, staleOf, walk as walkUnder } from './mutation-judged.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const core = join(root, 'packages/core');
const KEPT = join(core, 'stryker/incremental.json');
const SUMMARY = join(core, 'stryker/summary.json');
const DOC = join(root, 'docs/quality/mutation.md');
const RUN = join(core, 'reports/mutation/run-incremental.json');

/** The floors: the core as a whole, and every file. */
export const FLOOR = { core: 90, file: 85 };

const read = (p) => readFileSync(p, 'utf8');
const readJson = (p, fallback) => (existsSync(p) ? JSON.parse(read(p)) : fallback);

/** Every file under src, relative to packages/core, with `/` separators. */
const walk = () => walkUnder(core);

/** What Stryker mutates (stryker.config.json's `mutate`, spelled out). */
export const isMutated = (f) =>
  f.endsWith('.ts') &&
  !f.endsWith('.test.ts') &&
  !f.endsWith('.test-helpers.ts') &&
  !f.startsWith('src/testing/') &&
  !f.endsWith('/index.ts');
const isTest = (f) => f.endsWith('.test.ts');
/** Code that tests run but Stryker does not mutate: fixtures and the testing helpers. */
const isHelper = (f) =>
  f.endsWith('.ts') &&
  !isTest(f) &&
  (f.endsWith('.test-helpers.ts') || f.startsWith('src/testing/'));

// ---------------------------------------------------------------------------------------------
// Scores

function count(mutants) {
  const c = { killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 };
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed++;
    else if (m.status === 'Timeout') c.timeout++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
    else if (m.status === 'Ignored') c.ignored++;
    else c.errors++;
  }
  const detected = c.killed + c.timeout;
  const valid = detected + c.survived + c.noCoverage;
  return { ...c, valid, score: valid === 0 ? 100 : Math.floor((detected / valid) * 1000) / 10 };
}

/** Scores per file, per context (the folder under src) and for the core, from a report. */
export function scores(report) {
  const files = {};
  const byContext = {};
  const all = [];
  for (const [f, { mutants }] of Object.entries(report.files)) {
    files[f] = count(mutants);
    const ctx = f.split('/')[1];
    (byContext[ctx] ??= []).push(...mutants);
    all.push(...mutants);
  }
  const contexts = Object.fromEntries(
    Object.entries(byContext)
      .sort()
      .map(([k, v]) => [k, count(v)]),
  );
  return { core: count(all), contexts, files };
}

// ---------------------------------------------------------------------------------------------
// Staleness

/** The test files a file's mutants are run against (see {@link testsFor}), as paths. */
function testFilesFor(f, all = walk()) {
  const own = ownTests(f, all);
  if (own.length > 0) return own;
  return all.filter((t) => isTest(t) && t.startsWith(`src/${f.split('/')[1]}/`));
}

/** A file's own suites: `<name>.test.ts` beside it and any `<name>.*.test.ts`. */
function ownTests(f, all = walk()) {
  const dir = posix.dirname(f);
  const stem = posix.basename(f, '.ts');
  return all.filter(
    (t) => t === `${dir}/${stem}.test.ts` || (t.startsWith(`${dir}/${stem}.`) && isTest(t)),
  );
}

/** What a file's result was judged on: its source, its tests and their fixtures, by hash. */
function judgedOn(f, report, all = walk()) {
  return judged(core, f, testFilesFor(f, all), isHelper, report);
}

/**
 * The files under mutation testing whose kept results may no longer hold: their source, one of
 * their tests (or the set of their tests) or a fixture those tests import changed since.
 */
export function staleFiles(summary) {
  const all = walk();
  return staleOf(core, summary?.judged, (f) => judgedOn(f, undefined, all));
}

// ---------------------------------------------------------------------------------------------
// Merging a run into the kept report

/**
 * Merges a run into the kept report. Stryker numbers tests per run ("0", "1", …); the kept report
 * names each test by a hash of its file and name instead, so results of runs with different test
 * sets (one context's tests at a time) can sit side by side.
 */
function merge(kept, run, mutated) {
  const testId = (file, name) => sha(`${file}\u0000${name}`).slice(0, 10);
  const runIds = new Map();
  const testFiles = { ...(kept?.testFiles ?? {}) };
  for (const [f, t] of Object.entries(run.testFiles ?? {})) {
    testFiles[f] = {
      ...t,
      tests: t.tests.map((test) => {
        const id = testId(f, test.name);
        runIds.set(test.id, id);
        return { ...test, id };
      }),
    };
  }
  for (const f of Object.keys(testFiles)) if (!existsSync(join(core, f))) delete testFiles[f];
  const remap = (ids) => ids?.map((id) => runIds.get(id) ?? id);
  const files = {};
  for (const [f, r] of Object.entries(kept?.files ?? {}))
    if (!mutated.includes(f) && existsSync(join(core, f))) files[f] = r;
  for (const f of mutated) {
    const r = run.files[f];
    if (!r) continue;
    files[f] = {
      ...r,
      mutants: r.mutants.map((m) => ({
        ...m,
        ...(m.coveredBy ? { coveredBy: remap(m.coveredBy) } : {}),
        ...(m.killedBy ? { killedBy: remap(m.killedBy) } : {}),
      })),
    };
  }
  const sortKeys = (o) =>
    Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return {
    schemaVersion: run.schemaVersion,
    thresholds: run.thresholds,
    files: sortKeys(files),
    testFiles: sortKeys(testFiles),
    framework: { name: run.framework?.name, version: run.framework?.version },
  };
}

// ---------------------------------------------------------------------------------------------
// Output

const pct = (s) => (s.valid === 0 ? '–' : `${s.score.toFixed(1)} %`);

function table(title, rows, before) {
  const lines = [
    `| ${title} | score | before | killed | timeout | survived | no coverage | mutants |`,
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [name, s] of rows) {
    const b = before?.[name];
    lines.push(
      `| ${name} | ${pct(s)} | ${b ? pct(b) : '–'} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.valid} |`,
    );
  }
  return lines.join('\n');
}

/** Files measured before but not since: their first score, to compare the next run with. */
function pending(s, before) {
  const rows = Object.entries(before.files ?? {}).filter(([f]) => !s.files[f]);
  if (rows.length === 0) return '';
  return `
Measured before (${before.note ?? 'first measurement'}), not yet re-measured:

| file | before | survived | no coverage |
|---|---|---|---|
${rows.map(([f, b]) => `| ${f} | ${b.score.toFixed(1)} % | ${b.survived} | ${b.noCoverage} |`).join('\n')}
`;
}

function printSummary(s) {
  console.log(
    `mutation score, core: ${pct(s.core)} (${s.core.killed + s.core.timeout}/${s.core.valid})`,
  );
  for (const [ctx, c] of Object.entries(s.contexts))
    console.log(
      `  ${ctx.padEnd(10)} ${pct(c).padStart(8)}  (${c.survived} survived, ${c.noCoverage} not covered)`,
    );
  const low = Object.entries(s.files).filter(([, c]) => c.valid > 0 && c.score < FLOOR.file);
  for (const [f, c] of low) console.log(`  below ${FLOOR.file} %: ${f} ${pct(c)}`);
}

function writeDoc(summary) {
  const s = summary.scores;
  const before = summary.before ?? {};
  const md = `# Mutation score of @huiyi/core

Written by \`npm run mutation\` from Stryker's report (\`packages/core/stryker/incremental.json\`);
do not edit by hand. Floors: ${FLOOR.core} % for the core, ${FLOOR.file} % for every file (checked by
\`npm run mutation -- --check\`). "before" is the first measurement of each file, before the tests
named after the rules its surviving mutants broke. Files not yet mutated are not listed.

Score = (killed + timed out) / (killed + timed out + survived + not covered); equivalent mutants are
disabled in the source with a reason (see docs/decisions/mutation-testing.md) and not counted.

${table('context', [['core', s.core], ...Object.entries(s.contexts)], { core: before.core, ...before.contexts })}

${table('file', Object.entries(s.files), before.files)}
${pending(s, before)}
The hub's pure modules are measured on their own page: [mutation score of @huiyi/hub](./mutation-hub).
`;
  mkdirSync(dirname(DOC), { recursive: true });
  writeFileSync(DOC, md);
}

function floorsHold(s) {
  const problems = [];
  if (s.core.score < FLOOR.core) problems.push(`core ${pct(s.core)} < ${FLOOR.core} %`);
  for (const [f, c] of Object.entries(s.files))
    if (c.valid > 0 && c.score < FLOOR.file) problems.push(`${f} ${pct(c)} < ${FLOOR.file} %`);
  return problems;
}

// ---------------------------------------------------------------------------------------------

/**
 * The tests a file's mutants are run against: the file's own suites when it has any
 * (`<name>.test.ts` beside it, or `<name>.*.test.ts` such as `<name>.rules.test.ts`), else every
 * test of its context
 * (`src/<context>/**\/*.test.ts`). A rule is held by the tests beside its code; and on a shared
 * machine, running each mutant against every suite that happens to reach it took ten times longer.
 */
export function testsFor(f) {
  const dir = posix.dirname(f);
  const stem = posix.basename(f, '.ts');
  if (ownTests(f).length === 0) return `src/${f.split('/')[1]}/**/*.test.ts`;
  return existsSync(join(core, dir, `${stem}.test.ts`))
    ? `${dir}/${stem}.test.ts,${dir}/${stem}.*.test.ts`
    : `${dir}/${stem}.*.test.ts`;
}

function runStryker(files) {
  mkdirSync(dirname(RUN), { recursive: true });
  let kept = readJson(KEPT, undefined);
  const byTests = new Map();
  for (const f of files) byTests.set(testsFor(f), [...(byTests.get(testsFor(f)) ?? []), f]);
  for (const [tests, group] of byTests) {
    if (kept) writeFileSync(RUN, JSON.stringify(kept));
    else rmSync(RUN, { force: true });
    const started = Date.now();
    const r = spawnSync(
      'npx',
      [
        'stryker',
        'run',
        '--incrementalFile',
        relative(core, RUN),
        '--mutate',
        group.join(','),
        '--testFiles',
        tests,
      ],
      { cwd: core, stdio: 'inherit' },
    );
    if (r.status !== 0) {
      console.error(`stryker exited ${r.status}`);
      process.exit(r.status ?? 1);
    }
    kept = merge(kept, readJson(RUN), group);
    writeFileSync(KEPT, `${JSON.stringify(kept)}\n`);
    console.log(
      `stryker: ${group.join(', ')} against ${tests} in ${Math.round((Date.now() - started) / 1000)} s`,
    );
  }
  return kept;
}

function writeSummary(report, mutatedNow) {
  const old = readJson(SUMMARY, {});
  const s = scores(report);
  // "before": a file's first measurement, kept from then on
  const before = { contexts: {}, files: {}, ...old.before };
  for (const f of mutatedNow) if (!before.files[f] && s.files[f]) before.files[f] = s.files[f];
  const all = walk();
  const judged = { ...old.judged };
  for (const f of mutatedNow) judged[f] = judgedOn(f, report, all);
  for (const f of Object.keys(judged)) if (!existsSync(join(core, f))) delete judged[f];
  const summary = {
    scores: s,
    before,
    judged: Object.fromEntries(Object.entries(judged).sort(([a], [b]) => a.localeCompare(b))),
  };
  writeFileSync(SUMMARY, `${JSON.stringify(summary, null, 1)}\n`);
  writeDoc(summary);
  return summary;
}

function main(argv) {
  const check = argv.includes('--check');
  const summaryOnly = argv.includes('--summary');
  const files = argv
    .filter((a) => !a.startsWith('--'))
    .map((f) => f.replace(/^packages\/core\//, ''));
  const summary = readJson(SUMMARY, undefined);
  const report = readJson(KEPT, undefined);

  if (argv.includes('--record')) {
    // re-record files already in the kept report (after a run made by hand): scores, hashes, page
    if (!report) throw new Error('no kept report: run npm run mutation');
    const s = writeSummary(report, files.length > 0 ? files : Object.keys(report.files));
    printSummary(s.scores);
    return;
  }
  if (summaryOnly) {
    if (!summary) throw new Error('no kept report: run npm run mutation');
    printSummary(summary.scores);
    return;
  }
  if (check) {
    const started = Date.now();
    if (!summary || !report) {
      console.error('mutation: no kept report (packages/core/stryker/); run npm run mutation');
      process.exit(1);
    }
    const stale = staleFiles(summary);
    const problems = floorsHold(scores(report));
    printSummary(scores(report));
    if (stale.length > 0)
      problems.push(
        `the kept report is stale for ${stale.length} file(s): ${stale.join(', ')}; run npm run mutation and commit packages/core/stryker and docs/quality/mutation.md`,
      );
    const measured = Object.keys(summary.judged).length;
    const all = walk().filter(isMutated).length;
    console.log(
      `mutation check in ${Date.now() - started} ms: ${measured} of ${all} files under mutation testing`,
    );
    if (problems.length > 0) {
      for (const p of problems) console.error(`mutation: ${p}`);
      process.exit(1);
    }
    return;
  }
  const stale = staleFiles(summary);
  const unmeasured = walk().filter((f) => isMutated(f) && summary?.judged?.[f] === undefined);
  const todo =
    files.length > 0 ? files : argv.includes('--all') ? [...stale, ...unmeasured] : stale;
  for (const f of todo)
    if (!isMutated(f) || !existsSync(join(core, f))) throw new Error(`not a mutated file: ${f}`);
  if (todo.length === 0) {
    console.log('mutation: nothing changed since the kept report');
    printSummary(scores(report));
    return;
  }
  console.log(`mutation: ${todo.length} file(s): ${todo.join(', ')}`);
  const merged = runStryker(todo);
  const s = writeSummary(merged, todo);
  printSummary(s.scores);
  const problems = floorsHold(s.scores);
  for (const p of problems) console.error(`below the floor: ${p}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
