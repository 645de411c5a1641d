// The formats guide: the envelope every event travels in, and reading an exported event log back.
// The example files it includes (examples/data/) are checked here against what the code writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import {
  HOUR,
  MINUTE,
  createBookingDecider,
  parseBookingCommand,
  toInstant,
  type Actor,
} from '@huiyi/core';
import { createMemoryEventStore } from '@huiyi/core/testing';

const data = (name: string) => new URL(`./data/${name}`, import.meta.url);
const nine = toInstant({ year: 2026, month: 11, day: 30, hour: 9, minute: 0 }, 'Asia/Shanghai');
let seed = 20261130;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647; // deterministic ids

// #region envelope
import {
  envelope,
  eventIdFactory,
  streamOf,
  type BookingEvent,
  type EventStore,
} from '@huiyi/core';

const nextId = eventIdFactory(random); // e.g. eventIdFactory(Math.random) in production

/** Wraps decided events in their envelope and appends them as one batch. */
async function save(
  store: EventStore<BookingEvent>,
  events: readonly BookingEvent[],
  command: { now: number; actor: Actor },
  device: string,
) {
  const batch = events.map((e) =>
    envelope(e, {
      id: nextId(command.now),
      stream: streamOf(e),
      now: command.now,
      who: command.actor.id,
      device,
    }),
  );
  return store.append(batch); // all or nothing; ids already in the log are skipped
}
// #endregion envelope

/** What a kiosk's log holds after a room is registered and someone walks up at 09:02. */
async function exampleLog() {
  const store = createMemoryEventStore<BookingEvent>();
  const { decide, evolve, initialState } = createBookingDecider();
  let state = initialState;
  const steps: [Record<string, unknown> & { now: number; actor: Actor }, string][] = [
    [
      {
        type: 'RegisterRoom',
        now: nine - HOUR,
        actor: { id: 'admin', roles: ['room-admin'] },
        room: {
          id: 'A',
          name: '一号会议室',
          capacity: 8,
          walkUp: true,
          openingHours: [{ weekdays: [1, 2, 3, 4, 5], open: '08:00', close: '20:00' }],
        },
      },
      'dms',
    ],
    [
      {
        type: 'WalkUp',
        now: nine + 2 * MINUTE,
        actor: { id: 'wang', roles: [] },
        roomId: 'A',
        bookingId: 'w-0902',
        minutes: 30,
      },
      'kiosk-A',
    ],
  ];
  for (const [command, device] of steps) {
    const parsed = parseBookingCommand(command);
    const r = parsed.ok ? decide(parsed.value, state) : parsed;
    if (!r.ok) throw new Error(r.rejection.message.en);
    state = r.value.reduce(evolve, state);
    await save(store, r.value, command, device);
  }
  return { format: 'huiyi-event-log', version: 1, events: await store.readAfter(0) };
}

it('K-3: the example event log is what the code writes (UPDATE_EXAMPLES=1 rewrites it)', async () => {
  const log = await exampleLog();
  const event = log.events[1];
  if (process.env['UPDATE_EXAMPLES'] === '1') {
    writeFileSync(data('event-log.json'), `${JSON.stringify(log, null, 2)}\n`);
    writeFileSync(data('event.json'), `${JSON.stringify(event, null, 2)}\n`);
  }
  expect(JSON.parse(readFileSync(data('event-log.json'), 'utf8'))).toEqual(log);
  expect(JSON.parse(readFileSync(data('event.json'), 'utf8'))).toEqual(event);
});

// #region read-log
import {
  checkStoredEvent,
  foldBookingEvents,
  initialBookingState,
  isBookingEvent,
  type StoredEvent,
} from '@huiyi/core';

/** Reads a file exported from a kiosk (设置 → 导出事件日志), checking every event on the way in. */
function readEventLog(text: string): StoredEvent[] {
  const file = JSON.parse(text) as { format?: unknown; version?: unknown; events?: unknown };
  if (file.format !== 'huiyi-event-log' || file.version !== 1 || !Array.isArray(file.events))
    throw new Error('not a Huiyi event log, version 1');
  return file.events.map((e: unknown, i) => {
    const checked = checkStoredEvent(e, `events[${i}]`);
    if (!checked.ok) throw new Error(`${checked.path} must be ${checked.expected.en}`);
    return checked.value;
  });
}

const events = readEventLog(readFileSync(data('event-log.json'), 'utf8'));
const bookings = foldBookingEvents(
  initialBookingState,
  events.map((e) => e.data).filter(isBookingEvent),
);
// #endregion read-log

it('K-3: an exported log reads back into the same state', () => {
  expect(events.map((e) => [e.position, e.type, e.device])).toEqual([
    [1, 'RoomRegistered', 'dms'],
    [2, 'RoomBooked', 'kiosk-A'],
    [3, 'BookingCheckedIn', 'kiosk-A'],
  ]);
  expect(bookings.rooms.get('A')?.bookings.get('w-0902')).toMatchObject({
    status: 'checked-in',
    start: nine + 2 * MINUTE,
    end: nine + 32 * MINUTE,
  });
});
