// The admin CLI end to end, in child processes, on a PGlite folder and on the PostgreSQL server:
// codes, keys and revocation (S-3), the data folder's lock, `serve`, and bilingual refusals.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServerDatabase, serverAvailable } from './databases.js';

const HUB = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(HUB, 'dist', 'cli', 'main.js');
const onServer = await serverAvailable();

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe.each(['pglite', 'postgres'] as const)('the admin CLI on %s', (kind) => {
  const skip = kind === 'postgres' && !onServer;
  let env: NodeJS.ProcessEnv;
  let cleanup = async () => undefined as void;

  const hub = (args: string[], input?: string, inEnv: NodeJS.ProcessEnv = env): Ran => {
    const r = spawnSync(process.execPath, [CLI, ...args], {
      env: inEnv,
      encoding: 'utf8',
      ...(input !== undefined ? { input } : {}),
      timeout: 120_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  /** Another, empty database of the same kind. */
  const emptyTarget = async (): Promise<{ env: NodeJS.ProcessEnv; drop: () => Promise<void> }> => {
    if (kind === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'hub-cli-restore-'));
      return {
        env: { ...env, HUB_DATA_DIR: dir },
        drop: async () => rmSync(dir, { recursive: true, force: true }),
      };
    }
    const d = await createServerDatabase();
    return { env: { ...env, DATABASE_URL: d.url }, drop: d.drop };
  };

  beforeAll(async () => {
    if (skip) return;
    // The CLI runs from the build: bring it up to date.
    const built = spawnSync('npx', ['tsc', '-b', HUB], { encoding: 'utf8', timeout: 300_000 });
    expect(built.stdout + built.stderr).toBe('');
    const base = { ...process.env };
    delete base['DATABASE_URL'];
    if (kind === 'pglite') {
      const dir = mkdtempSync(join(tmpdir(), 'hub-cli-'));
      env = { ...base, HUB_DATA_DIR: dir };
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const d = await createServerDatabase();
      env = { ...base, DATABASE_URL: d.url };
      cleanup = d.drop;
    }
    const seeded = hub(['seed-demo']);
    expect(seeded.stderr).toContain('the demo dealership is laid out');
    expect(seeded.code).toBe(0);
  }, 300_000);
  afterAll(async () => {
    if (!skip) await cleanup();
  });

  it.skipIf(skip)(
    'S-3: enrol-code issues a one-time code for a room that exists, and only then',
    () => {
      const ok = hub(['enrol-code', '--room', 'A']);
      expect(ok.code).toBe(0);
      expect(ok.stdout.trim()).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
      expect(ok.stderr).toContain('一号会议室');
      const unknown = hub(['enrol-code', '--room', "Z'; drop table hub_devices; --"]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toMatch(/没有会议室/);
      expect(unknown.stderr).toMatch(/there is no room/);
      expect(unknown.stdout).toBe('');
    },
    120_000,
  );

  it.skipIf(skip)(
    'S-3: api-key takes known scopes only; revoke by id, once; list shows it revoked',
    () => {
      const bad = hub(['api-key', '--name', 'DMS', '--scopes', 'act,everything']);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('everything');
      const ok = hub(['api-key', '--name', 'DMS', '--scopes', 'act,read']);
      expect(ok.code).toBe(0);
      const key = ok.stdout.trim();
      expect(key).toMatch(/^hyk_[0-9a-f]{16}\.[A-Za-z0-9_-]{43}$/);
      const keyId = key.slice(4, 20);
      expect(hub(['list']).stdout).toContain(`system\t${keyId}\tDMS\tscopes act,read\n`);
      const revoked = hub(['revoke', keyId]);
      expect(revoked.code).toBe(0);
      expect(revoked.stdout.trim()).toBe(`key ${keyId}`);
      expect(hub(['list']).stdout).toContain(`system\t${keyId}\tDMS\tscopes act,read\trevoked\n`);
      const again = hub(['revoke', key]);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('no live token or key matches');
    },
    120_000,
  );

  it.skipIf(skip)(
    'S-3: serve answers on 127.0.0.1 with the keys the CLI issued; SIGTERM stops it',
    async () => {
      const key = hub(['api-key', '--name', 'served', '--scopes', 'read']).stdout.trim();
      const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], { env });
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        child.stderr.on('data', (d: Buffer) => {
          err += d.toString();
          const m = /serving on (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
          if (m?.[1]) resolve(m[1]);
        });
        child.on('exit', () => reject(new Error(err)));
      });
      try {
        const me = await fetch(`${url}/api/v1/me`, { headers: { authorization: `Bearer ${key}` } });
        expect(me.status).toBe(200);
        expect(await me.json()).toMatchObject({ kind: 'system', scopes: ['read'] });
        if (kind === 'pglite') {
          // One process owns the PGlite folder: a task refuses while the hub serves.
          const blocked = hub(['list']);
          expect(blocked.code).toBe(1);
          expect(blocked.stderr).toContain('the hub is running');
        }
      } finally {
        const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
      }
    },
    120_000,
  );
  it.skipIf(skip)(
    'S-6: export, then restore into an empty database, gives the same feed; a database in use is refused',
    async () => {
      const exported = hub(['export']);
      expect(exported.code).toBe(0);
      const lines = exported.stdout.trim().split('\n');
      const events = lines.filter((l) => (JSON.parse(l) as { kind: string }).kind === 'event');
      expect(events.length).toBeGreaterThanOrEqual(8); // the demo's four rooms and four bookings
      // In position order, every position once (S-6): 1, 2, 3 …
      expect(events.map((l) => (JSON.parse(l) as { position: number }).position)).toEqual(
        events.map((_, i) => i + 1),
      );
      // Into the same database: refused, in both languages, nothing changed.
      const refused = hub(['restore'], exported.stdout);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('数据库不是空的');
      expect(refused.stderr).toContain('the database is not empty');
      // Into an empty one, through what `npm run hub -- export > log.ndjson` writes (npm's banner first).
      const target = await emptyTarget();
      try {
        const banner =
          '\n> huiyi@0.1.0 hub\n> tsc -b packages/hub && node packages/hub/dist/cli/main.js export\n\n';
        const restored = hub(['restore'], banner + exported.stdout, target.env);
        expect(restored.stderr).toContain(`restored ${events.length} events`);
        expect(restored.code).toBe(0);
        const again = hub(['export'], undefined, target.env);
        const eventsAgain = again.stdout
          .trim()
          .split('\n')
          .filter((l) => (JSON.parse(l) as { kind: string }).kind === 'event');
        expect(eventsAgain).toEqual(events);
        const header = (out: string) => JSON.parse(out.split('\n')[0] ?? '') as { hubId: string };
        // A new hub id: every cursor of the old database resets.
        expect(header(again.stdout).hubId).not.toBe(header(exported.stdout).hubId);
      } finally {
        await target.drop();
      }
    },
    300_000,
  );
});
