// DESIGN's speed table: a room's year-long iCalendar feed, served, costs no more than 2× reading
// those bookings from the database. A year of one room: 2,610 bookings (ten a working day), each
// booked and checked in, every tenth moved once, every twentieth cancelled; PGlite in memory.
// Ours: GET /calendars/<token>.ics through Fastify (token, feed rows, names, iCalendar text).
// The anchor: the hub's read model, `select *` of the same room's bookings in the same window.
import { PGlite } from '@electric-sql/pglite';
import { applyToCalendar, calendarRoutes, issueFeedToken, migrateToLatest } from '@huiyi/hub';
import { ok } from '@huiyi/core';
import Fastify from 'fastify';
import { gzipSync } from 'node:zlib';
import { Kysely, PGliteDialect, sql } from 'kysely';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const start0 = Date.UTC(2026, 0, 5, 1); // Monday 5 January 2026, 09:00 in Shanghai
const NOW = Date.UTC(2026, 11, 7, 0); // Monday 7 December 2026, 08:00 in Shanghai
const room = {
  id: 'A',
  name: '一号会议室',
  location: '售后二楼',
  capacity: 10,
  equipment: [{ id: 'A-proj', kind: 'projector' }],
  openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '23:59' }],
  confidential: false,
  needsApproval: false,
  walkUp: true,
};

function yearOfEvents() {
  const events = [{ type: 'RoomRegistered', roomId: 'A', room }];
  for (let k = 0; k < 10; k++)
    events.push({
      type: 'PersonRegistered',
      personId: `p${k}`,
      person: {
        id: `p${k}`,
        name: `员工${k}`,
        department: '售后服务部',
        employeeNumber: `S${k}`,
        roles: [],
      },
    });
  const bookings = [];
  let d = 0;
  for (let day = 0; bookings.length < 2610; day++) {
    const wd = (day % 7) + 1;
    if (wd > 5) continue;
    d++;
    for (let k = 0; k < 10; k++) {
      const start = start0 + day * DAY + k * 45 * MINUTE;
      const id = `b${day}-${k}`;
      const booking = {
        id,
        roomId: 'A',
        organizerId: `p${k}`,
        department: '售后服务部',
        topic: `售后例会 ${d}-${k}`,
        headcount: 6,
        start,
        end: start + 40 * MINUTE,
        equipment: ['projector'],
        confidential: k === 9,
        walkUp: false,
        status: 'confirmed',
        requestedAt: start - DAY,
      };
      bookings.push(booking);
      events.push({ type: 'RoomBooked', roomId: 'A', booking });
      if (bookings.length % 20 === 0)
        events.push({
          type: 'BookingCancelled',
          roomId: 'A',
          bookingId: id,
          by: `p${k}`,
          late: false,
          at: start - 2 * DAY,
        });
      else {
        if (bookings.length % 10 === 0)
          events.push({
            type: 'BookingChanged',
            roomId: 'A',
            bookingId: id,
            start: start + 5 * MINUTE,
            end: start + 45 * MINUTE,
            headcount: 6,
            topic: booking.topic,
            equipment: ['projector'],
            pending: false,
            by: `p${k}`,
          });
        events.push({
          type: 'BookingCheckedIn',
          roomId: 'A',
          bookingId: id,
          at: start - 2 * MINUTE,
        });
      }
    }
  }
  return {
    events: events.map((e, i) => ({
      type: e.type,
      data: e,
      now: e.booking?.requestedAt ?? e.at ?? start0,
      position: i + 1,
    })),
    bookings,
  };
}

export default async function bench() {
  const pglite = await PGlite.create();
  const db = new Kysely({ dialect: new PGliteDialect({ pglite }) });
  await migrateToLatest(db);
  const { events, bookings } = yearOfEvents();
  const projecting = performance.now();
  for (let i = 0; i < events.length; i += 2000)
    await applyToCalendar(
      db,
      events.slice(i, i + 2000),
      i === 0 ? undefined : `c${i}`,
      `c${i + 2000}`,
      { zone: 'Asia/Shanghai', domain: 'huiyi.example', clock: () => NOW },
    );
  const projected = performance.now() - projecting;
  for (let i = 0; i < bookings.length; i += 500) {
    const rows = bookings
      .slice(i, i + 500)
      .map(
        (b) =>
          sql`(${b.id}, 'A', ${b.organizerId}, ${b.topic}, ${b.headcount}, ${b.start}, ${b.end}, ${b.status}, ${b.confidential}, false, ${b.start}, ${b.end})`,
      );
    await sql`insert into rm_bookings (booking_id, room_id, organizer_id, topic, headcount, start_at, end_at, status, confidential, walk_up, occ_start, occ_end) values ${sql.join(rows)}`.execute(
      db,
    );
  }
  await sql`analyze`.execute(db);
  const { token } = await issueFeedToken(db, { kind: 'room', roomId: 'A' }, 'zh-CN', 'p0', NOW);
  const app = Fastify();
  await app.register(calendarRoutes, {
    db,
    zone: 'Asia/Shanghai',
    domain: 'huiyi.example',
    baseUrl: 'https://hub.example',
    clock: () => NOW,
    authenticate: () => undefined,
    submit: () => Promise.resolve(ok([])),
    submitAll: () => Promise.resolve({ ok: true }),
    bookings: () => ({ rooms: new Map() }),
  });
  await app.ready();
  const from = NOW - 367 * DAY;
  const first = await app.inject({ url: `/calendars/${token}.ics` });
  const served = first.body.match(/BEGIN:VEVENT/g)?.length ?? 0;
  const read =
    await sql`select * from rm_bookings where room_id = 'A' and end_at >= ${from} order by start_at`.execute(
      db,
    );
  if (first.statusCode !== 200 || served < 2400 || read.rows.length !== bookings.length)
    throw new Error(
      `feed ${first.statusCode} with ${served} events; ${read.rows.length} rows read`,
    );
  console.error(
    `  feed: ${served} events, ${(first.body.length / 1024).toFixed(0)} KB of text (${(gzipSync(first.body).length / 1024).toFixed(0)} KB gzip); ${read.rows.length} bookings read; ${events.length} events projected in ${(projected / 1000).toFixed(1)} s`,
  );
  return {
    cases: [
      {
        name: `hub: a room's year-long iCalendar feed served (${served} events) vs reading its ${read.rows.length} bookings`,
        anchor: 'select * of the same bookings (PGlite)',
        target: 1 / 2,
        ours: () => app.inject({ url: `/calendars/${token}.ics` }),
        anchorFn: () =>
          sql`select * from rm_bookings where room_id = 'A' and end_at >= ${from} order by start_at`.execute(
            db,
          ),
      },
    ],
    close: async () => {
      await app.close();
      await db.destroy();
    },
  };
}
