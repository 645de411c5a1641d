// What the packaging tests share: pack a workspace package into a scratch folder, and run the
// repository's own tools (publint, attw, tsc) on the result.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root. */
export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** A tool installed in the root's node_modules/.bin. */
export const bin = (name) => join(root, 'node_modules', '.bin', name);

/** Runs a command and returns its output; a non-zero exit throws with the output attached. */
export const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Packs `packages/<pkg>` with `npm pack` into a folder.
 *
 * @param {string} pkg - the package's folder under packages/
 * @param {string} into - where the tarball goes
 * @returns {{ path: string, files: string[] }} the tarball and the paths it holds
 */
export function pack(pkg, into) {
  const packed = JSON.parse(
    run('npm', ['pack', '--json', '--pack-destination', into], join(root, 'packages', pkg)),
  );
  return { path: join(into, packed[0].filename), files: packed[0].files.map((f) => f.path) };
}

/** publint with warnings as errors; returns its report. */
export const publint = (tarball) => run(bin('publint'), ['run', tarball, '--strict'], root);

/** "Are the types wrong" for ESM consumers; throws on any problem. */
export const attw = (tarball) =>
  run(bin('attw'), [tarball, '--profile', 'esm-only', '--no-emoji', '--no-color'], root);

/** The root's TypeScript compiler on a scratch project's tsconfig. */
export const tsc = (cwd) =>
  run(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'],
    cwd,
  );
