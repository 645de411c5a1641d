// The hub's admin CLI: `npm run hub -- <task>`. Where the data is: DATABASE_URL (a PostgreSQL
// server), else PGlite in packages/hub/.data/ (HUB_DATA_DIR to move it).
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { AuthStore } from '../auth/auth-store.js';
import { openRuntime, restoreInto, type HubEngine } from '../http/engine.js';
import type { DealershipState } from '@huiyi/core';
import { issueFeedToken } from '../calendar/calendar-store.js';
import type { FeedScope } from '../calendar/feed.js';
import { SCOPES, type Scope } from '../principal.js';
import { lockDataDir, whereFromEnv, type Where } from './data-dir.js';
import { openApiDocument } from './openapi.js';
import { serve } from './serve.js';

const USAGE = `用法 · usage: npm run hub -- <task>

  enrol-code --room <roomId> [--hours 24]   一次性登记码 · a one-time enrolment code for a door
  api-key --name <name> --scopes act,read   API 密钥 · an API key for a dealer system (scopes: ${SCOPES.join(', ')})
  revoke <token-or-id>                      吊销 · revoke a door's token or an API key
  list                                      列出门口屏和密钥 · list doors and keys
  export > log.ndjson                       导出日志 · export the log as NDJSON
  restore < log.ndjson                      恢复到空数据库 · restore a log into an empty database
  seed-demo                                 示例经销店 · lay out the demo dealership (once)
  serve [--port 4173] [--demo]              启动中心 · run the hub on 127.0.0.1
  openapi [--out file]                      OpenAPI 文档 · write the OpenAPI document
  feed-link --room <id> | --person <id> | --department <name> [--lang zh-CN|en]
                                            日历订阅地址 · a calendar feed's https and webcal links
                                            (HUB_PUBLIC_URL: the hub's address, default http://127.0.0.1:4173)

数据 · data: DATABASE_URL, else PGlite in packages/hub/.data/ (stop the hub first: one process owns it)`;

/** A failure the CLI explains in both languages and exits 1 on. */
class Refused extends Error {}

const say = (zh: string, en: string) => process.stderr.write(`${zh}\n${en}\n`);

async function withHub<T>(where: Where, f: (hub: HubEngine) => Promise<T>): Promise<T> {
  let release = () => undefined as void;
  if (where.dataDir !== undefined) {
    const lock = lockDataDir(where.dataDir);
    if ('heldBy' in lock) {
      throw new Refused(
        `中心正在运行（进程 ${lock.heldBy}），请先停止它再执行此任务\nthe hub is running (process ${lock.heldBy}): stop it first, or use DATABASE_URL`,
      );
    }
    release = lock.release;
  }
  try {
    const hub = await openRuntime(where);
    try {
      return await f(hub);
    } finally {
      await hub.close();
    }
  } finally {
    release();
  }
}

/** npm prints its banner to stdout: a log written with `npm run hub -- export > f` starts with it. */
async function* ndjsonLines(input: NodeJS.ReadableStream): AsyncIterable<string> {
  let started = false;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (!started && (line.trim() === '' || line.startsWith('> '))) continue;
    started = true;
    if (line.trim() !== '') yield line;
  }
}

/**
 * Runs one task.
 *
 * @param argv - the arguments after `--`
 * @param env - the environment
 * @returns the exit code
 */
export async function run(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [task, ...rest] = argv;
  const where = whereFromEnv(env);
  const { values, positionals } = parseArgs({
    args: [...rest],
    allowPositionals: true,
    options: {
      room: { type: 'string' },
      hours: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      demo: { type: 'boolean' },
      out: { type: 'string' },
      person: { type: 'string' },
      department: { type: 'string' },
      lang: { type: 'string' },
    },
  });
  try {
    switch (task) {
      case 'enrol-code': {
        const roomId = values.room;
        if (!roomId)
          throw new Refused('请用 --room 指定会议室\nname the room with --room <roomId>');
        const hours = values.hours === undefined ? 24 : Number(values.hours);
        if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 30) {
          throw new Refused(
            '--hours 须为 1 到 720 之间的小时数\n--hours must be between 1 and 720',
          );
        }
        return await withHub(where, async (hub) => {
          const rooms = await hub.rooms();
          const room = rooms.find((r) => r.id === roomId);
          if (!room) {
            throw new Refused(
              `没有会议室 ${roomId}（现有：${rooms.map((r) => r.id).join('、') || '无'}）\nthere is no room ${roomId} (rooms: ${rooms.map((r) => r.id).join(', ') || 'none'})`,
            );
          }
          const now = Date.now();
          const { code, expiresAt } = await new AuthStore(hub.db).issueEnrolCode(
            roomId,
            now,
            hours * 3_600_000,
          );
          process.stdout.write(`${code}\n`);
          say(
            `会议室 ${room.name} 的一次性登记码，有效至 ${new Date(expiresAt).toISOString()}`,
            `a one-time enrolment code for ${room.name} (${roomId}), valid until ${new Date(expiresAt).toISOString()}`,
          );
          return 0;
        });
      }
      case 'api-key': {
        const name = values.name;
        if (!name) throw new Refused('请用 --name 指定名称\nname the system with --name <name>');
        const scopes = (values.scopes ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
        if (scopes.length === 0 || unknown.length > 0) {
          throw new Refused(
            `权限须为 ${SCOPES.join('、')} 中的一个或多个${unknown.length ? `（未知：${unknown.join('、')}）` : ''}\n--scopes takes one or more of ${SCOPES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
          );
        }
        return await withHub(where, async (hub) => {
          const { key, keyId } = await new AuthStore(hub.db).issueApiKey(
            name,
            scopes as Scope[],
            Date.now(),
          );
          process.stdout.write(`${key}\n`);
          say(
            `API 密钥 ${keyId}（${name}：${scopes.join('、')}），只显示这一次`,
            `API key ${keyId} (${name}: ${scopes.join(', ')}); shown this once only`,
          );
          return 0;
        });
      }
      case 'revoke': {
        const what = positionals[0];
        if (!what) throw new Refused('请给出令牌或编号\ngive the token or its id');
        return await withHub(where, async (hub) => {
          const r = await new AuthStore(hub.db).revoke(what, Date.now());
          if (!r) throw new Refused('没有找到有效的令牌或密钥\nno live token or key matches');
          process.stdout.write(`${r.kind === 'door' ? 'door' : 'key'} ${r.id}\n`);
          say(`已吊销 ${r.id}`, `revoked ${r.id}`);
          return 0;
        });
      }
      case 'list':
        return await withHub(where, async (hub) => {
          for (const c of await new AuthStore(hub.db).list()) {
            const what =
              c.kind === 'door' ? `room ${c.roomId ?? ''}` : `scopes ${(c.scopes ?? []).join(',')}`;
            process.stdout.write(
              `${c.kind}\t${c.id}\t${c.name}\t${what}${c.revoked ? '\trevoked' : ''}\n`,
            );
          }
          return 0;
        });
      case 'export':
        return await withHub(where, async (hub) => {
          const n = await hub.exportLog(
            (line) =>
              new Promise<void>((resolve) => {
                if (process.stdout.write(`${line}\n`)) resolve();
                else process.stdout.once('drain', () => resolve());
              }),
          );
          say(`已导出 ${n} 行`, `exported ${n} lines`);
          return 0;
        });
      case 'restore': {
        let release = () => undefined as void;
        if (where.dataDir !== undefined) {
          const lock = lockDataDir(where.dataDir);
          if ('heldBy' in lock) {
            throw new Refused(
              `中心正在运行（进程 ${lock.heldBy}），请先停止它\nthe hub is running (process ${lock.heldBy}): stop it first`,
            );
          }
          release = lock.release;
        }
        try {
          const r = await restoreInto(where, ndjsonLines(process.stdin));
          if ('refused' in r) {
            throw new Refused(`${r.refused.message['zh-CN']}\n${r.refused.message.en}`);
          }
          say(`已恢复 ${r.events} 个事件`, `restored ${r.events} events`);
          return 0;
        } finally {
          release();
        }
      }
      case 'seed-demo':
        return await withHub(where, async (hub) => {
          const r = await hub.seedDemo(Date.now());
          if (r.seeded) say('已建立示例经销店', 'the demo dealership is laid out');
          else
            say(
              '数据库已有数据，未建立示例',
              'the database holds events already: no demo laid out',
            );
          return 0;
        });
      case 'serve': {
        const port = values.port === undefined ? 4173 : Number(values.port);
        const running = await serve({
          where,
          port,
          ...(values.host !== undefined ? { host: values.host } : {}),
          demo: values.demo === true,
        });
        say(`中心已启动：${running.url}`, `the hub is serving on ${running.url}`);
        await new Promise<void>((resolve) => {
          const stop = () => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await running.close();
        return 0;
      }
      case 'feed-link': {
        const given = [values.room, values.person, values.department].filter(
          (v) => v !== undefined,
        );
        if (given.length !== 1 || given[0] === '') {
          throw new Refused(
            '请用 --room、--person 或 --department 中的一个指定订阅范围\nname one scope: --room <id>, --person <id> or --department <name>',
          );
        }
        const language = values.lang ?? 'zh-CN';
        if (language !== 'zh-CN' && language !== 'en') {
          throw new Refused('--lang 须为 zh-CN 或 en\n--lang takes zh-CN or en');
        }
        const scope: FeedScope =
          values.room !== undefined
            ? { kind: 'room', roomId: values.room }
            : values.person !== undefined
              ? { kind: 'person', personId: values.person }
              : { kind: 'department', department: values.department ?? '' };
        return await withHub(where, async (hub) => {
          if (scope.kind === 'room' && !(await hub.rooms()).some((r) => r.id === scope.roomId)) {
            throw new Refused(`没有会议室 ${scope.roomId}\nthere is no room ${scope.roomId}`);
          }
          const people = (hub.core.state() as DealershipState).directory.people;
          if (scope.kind === 'person' && !people.has(scope.personId)) {
            throw new Refused(
              `人员名录中没有 ${scope.personId}\nthe directory knows no person ${scope.personId}`,
            );
          }
          const issued = await issueFeedToken(hub.db, scope, language, 'admin', Date.now());
          const base = (env['HUB_PUBLIC_URL'] ?? 'http://127.0.0.1:4173').replace(/\/$/, '');
          const https = `${base}/calendars/${issued.token}.ics`;
          process.stdout.write(`${https}\n${https.replace(/^https?:/, 'webcal:')}\n`);
          say(
            `日历订阅地址 ${issued.id}（吊销：DELETE /calendars/tokens/${issued.id}）`,
            `calendar feed ${issued.id} (revoke: DELETE /calendars/tokens/${issued.id}); shown this once only`,
          );
          return 0;
        });
      }
      case 'openapi': {
        const doc = `${JSON.stringify(await openApiDocument(), null, 2)}\n`;
        if (values.out) {
          const { writeFile } = await import('node:fs/promises');
          await writeFile(values.out, doc);
        } else process.stdout.write(doc);
        return 0;
      }
      default:
        process.stderr.write(`${USAGE}\n`);
        return task === undefined || task === 'help' || task === '--help' ? 0 : 2;
    }
  } catch (e) {
    if (e instanceof Refused) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

// Run when started as a program (not when imported by a test).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
