// Where the embedded hub keeps its data, and the lock that keeps a second process out of it
// (PGlite is one process's database: a CLI task and a serving hub must not open it at once).
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** `packages/hub/.data/`: the embedded database's folder (gitignored). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../.data/', import.meta.url));

/** Where the hub's data is: a server's URL, or the embedded folder. */
export interface Where {
  readonly databaseUrl?: string;
  readonly dataDir?: string;
}

/**
 * Reads where the data is from the environment: `DATABASE_URL`, else `HUB_DATA_DIR`, else the
 * default folder.
 *
 * @param env - the environment
 * @returns where
 */
export function whereFromEnv(env: NodeJS.ProcessEnv = process.env): Where {
  const url = env['DATABASE_URL'];
  if (url) return { databaseUrl: url };
  return { dataDir: env['HUB_DATA_DIR'] ?? DEFAULT_DATA_DIR };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the embedded data folder for this process, or says which process holds it.
 *
 * @param dataDir - the folder
 * @returns a release function, or the pid of the holder
 */
export function lockDataDir(dataDir: string): { release: () => void } | { heldBy: number } {
  mkdirSync(dataDir, { recursive: true });
  const lock = join(dataDir, 'hub.lock');
  if (existsSync(lock)) {
    const pid = Number(readFileSync(lock, 'utf8'));
    if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) return { heldBy: pid };
  }
  writeFileSync(lock, String(process.pid));
  return { release: () => rmSync(lock, { force: true }) };
}
