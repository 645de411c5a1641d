import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.js';
import {
  applyToCalendar,
  calendarCursor,
  feedHead,
  serveFeed,
  issueFeedToken,
  revokeFeedToken,
} from './calendar-store.js';
import { renderFeed, type FeedOptions } from './feed.js';
import {
  DOMAIN,
  NOW,
  ZONE,
  admin,
  confidentialMeeting,
  request,
  site,
  wang,
} from './fixtures.test-helpers.js';

const SITE = { zone: ZONE, domain: DOMAIN, clock: () => NOW };
const options: FeedOptions = { language: 'zh-CN', zone: ZONE, domain: DOMAIN, now: NOW };
let pglite: PGlite;
let db: Kysely<unknown>;

beforeAll(async () => {
  pglite = await PGlite.create();
  db = new Kysely<unknown>({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
}, 120_000);
afterAll(async () => {
  await db.destroy();
});
beforeEach(async () => {
  await sql`truncate cal_entries, cal_entry_people, cal_people, cal_rooms, cal_feeds, cal_tokens, cal_projection`.execute(
    db,
  );
});

describe('C-1: the calendars in the database', () => {
  it('C-1: a log folded page by page into the tables serves the same feeds as folded in memory', async () => {
    const hub = site();
    hub.must(request());
    confidentialMeeting(hub);
    hub.must({
      type: 'ChangeBooking',
      now: NOW + 60_000,
      actor: wang,
      roomId: 'A',
      bookingId: 'b1',
      start: request()['end'],
      end: (request()['end'] as number) + 3_600_000,
    });
    let cursor: string | undefined;
    for (let i = 0; i < hub.log.length; i += 3) {
      const next = `c${i + 3}`;
      expect(await applyToCalendar(db, hub.log.slice(i, i + 3), cursor, next, SITE)).toBeDefined();
      cursor = next;
    }
    expect(await calendarCursor(db)).toBe(cursor);
    const memory = hub.calendar();
    for (const scope of [
      { kind: 'room', roomId: 'A' },
      { kind: 'room', roomId: 'B' },
      { kind: 'person', personId: 'chen' },
      { kind: 'department', department: '备件部' },
    ] as const) {
      expect(await serveFeed(db, scope, options)).toBe(renderFeed(memory, scope, options));
    }
  });

  it('C-1: a renamed person is renamed in every feed that names them, and those feeds change version', async () => {
    const hub = site();
    hub.must(request());
    confidentialMeeting(hub);
    await applyToCalendar(db, hub.log, undefined, 'c1', SITE);
    const versions = async () =>
      Object.fromEntries(
        (
          await sql<{
            scope: string;
            version: string;
          }>`select scope, version from cal_feeds`.execute(db)
        ).rows.map((r) => [r.scope, Number(r.version)]),
      );
    const before = await versions();
    const from = hub.log.length;
    hub.must({
      type: 'RegisterPerson',
      now: NOW + 1000,
      actor: admin,
      person: {
        id: 'wang',
        name: '王伟强',
        department: '售后服务部',
        employeeNumber: 'S001',
        roles: [],
      },
    });
    await applyToCalendar(db, hub.log.slice(from), 'c1', 'c2', SITE);
    const after = await versions();
    for (const scope of ['room:A', 'person:wang', 'person:chen', 'department:备件部'] as const)
      expect(after[scope]).toBeGreaterThan(before[scope] ?? 0);
    const memory = hub.calendar();
    for (const scope of [
      { kind: 'room', roomId: 'A' },
      { kind: 'person', personId: 'chen' },
    ] as const) {
      const served = await serveFeed(db, scope, options);
      expect(served).toContain('王伟强');
      expect(served).toBe(renderFeed(memory, scope, options));
    }
  });

  it('C-1: a page is folded once: applied again from a stale cursor it changes nothing', async () => {
    const hub = site();
    hub.must(request());
    expect(await applyToCalendar(db, hub.log, undefined, 'c1', SITE)).toContain('room:A');
    const version = async () =>
      (
        await sql<{
          version: string;
        }>`select version from cal_feeds where scope = 'room:A'`.execute(db)
      ).rows[0]?.version;
    const before = await version();
    expect(await applyToCalendar(db, hub.log, undefined, 'c1', SITE)).toBeUndefined();
    expect(await version()).toBe(before);
  });

  it('C-1: a token is stored hashed; its head is one query; a revoked token opens nothing', async () => {
    const hub = site();
    hub.must(request());
    await applyToCalendar(db, hub.log, undefined, 'c1', {
      zone: ZONE,
      domain: DOMAIN,
      clock: () => NOW + 5,
    });
    const { id, token } = await issueFeedToken(
      db,
      { kind: 'room', roomId: 'A' },
      'en',
      'wang',
      NOW,
    );
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await sql<{
      token_hash: string;
    }>`select token_hash from cal_tokens where id = ${id}`.execute(db);
    expect(stored.rows[0]?.token_hash).not.toContain(token);
    expect(await feedHead(db, token)).toMatchObject({
      scope: { kind: 'room', roomId: 'A' },
      language: 'en',
      changedAt: NOW + 5,
    });
    await revokeFeedToken(db, id, NOW + 10);
    expect(await feedHead(db, token)).toBeUndefined();
    expect(await feedHead(db, 'not-a-token')).toBeUndefined();
  });

  it('C-1: the 304 query reads two primary keys by index, however large the tables', async () => {
    await sql`set enable_seqscan = off`.execute(db);
    try {
      const plan = await sql<{
        'QUERY PLAN': string;
      }>`explain select t.scope, t.language, f.version, f.changed_at from cal_tokens t
        left join cal_feeds f on f.scope = t.scope where t.token_hash = 'x' and t.revoked_at is null`.execute(
        db,
      );
      const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(text).toContain('cal_tokens_pkey');
      expect(text).toContain('cal_feeds_pkey');
      expect(text).not.toContain('Seq Scan');
    } finally {
      await sql`reset enable_seqscan`.execute(db);
    }
  });
});
