// The JSON Schemas the site publishes (public/schemas/) against the examples it shows and against
// the code that reads and writes those formats: the kiosk's schedule-file reader, the deciders, and
// the core's own envelope check.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkNewEvent, checkStoredEvent, type Actor } from '@huiyi/core';
import { readScheduleFile } from '../../kiosk/src/services/schedule-file.js';
import type { KioskEvent } from '../../kiosk/src/services/kiosk-events.js';
import {
  doorStateOf,
  emptyKioskState,
  foldKioskEvents,
} from '../../kiosk/src/services/kiosk-state.js';
import { createDoorDecider, demoCommands } from '@huiyi/core';
import { loadSchema, unsupportedKeywords, validate } from './json-schema.js';

const schemas = new URL('../public/schemas/', import.meta.url).pathname;
const schema = (name: string) => `${schemas}${name}.schema.json`;
const withoutPosition = (event: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(event).filter(([key]) => key !== 'position'));
const example = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../examples/data/${name}`, import.meta.url), 'utf8'));

describe('the schemas themselves', () => {
  const files = readdirSync(schemas).filter((f) => f.endsWith('.schema.json'));

  it('are the three the guides link to', () => {
    expect(files.sort()).toEqual([
      'event-envelope.schema.json',
      'event-log.schema.json',
      'schedule-file.schema.json',
    ]);
  });

  it.each(files)('%s: draft 2020-12, titled, only keywords the validator knows', (file) => {
    const s = loadSchema(`${schemas}${file}`);
    expect(s).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      title: expect.any(String),
    });
    expect(unsupportedKeywords(s)).toEqual([]);
  });
});

describe('the event envelope and the exported log', () => {
  it('K-3: the examples are valid', () => {
    expect(validate(example('event.json'), schema('event-envelope'))).toEqual([]);
    expect(validate(example('event-log.json'), schema('event-log'))).toEqual([]);
  });

  it('K-3: the schema and checkNewEvent / checkStoredEvent agree', () => {
    const stored = example('event.json') as Record<string, unknown>;
    const fresh = withoutPosition(stored);
    const cases: [string, unknown, boolean][] = [
      ['stored', stored, true],
      ['to append', fresh, true],
      ['a stray field', { ...fresh, extra: 1 }, false],
      ['no device', { ...fresh, device: undefined }, false],
      ['a blank id', { ...fresh, id: ' ' }, false],
      ['a fractional now', { ...fresh, now: 1.5 }, false],
      ['data without a type', { ...fresh, data: {} }, false],
      ['position 0', { ...stored, position: 0 }, false],
    ];
    for (const [what, value, valid] of cases) {
      const json = JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
      const checked = 'position' in json ? checkStoredEvent(json) : checkNewEvent(json);
      expect([what, validate(json, schema('event-envelope')).length === 0]).toEqual([what, valid]);
      expect([what, checked.ok]).toEqual([what, valid]);
    }
    // The envelope's type and its data's must agree: the code checks it; JSON Schema cannot say it.
    expect(checkNewEvent({ ...fresh, type: 'Other' }).ok).toBe(false);
  });

  it('K-3: the log needs its format, version and positions', () => {
    const log = example('event-log.json') as { events: Record<string, unknown>[] };
    expect(validate({ ...log, format: 'other' }, schema('event-log'))).not.toEqual([]);
    const [first] = log.events;
    const unplaced = withoutPosition(first ?? {});
    expect(validate({ ...log, events: [unplaced] }, schema('event-log'))).not.toEqual([]);
  });
});

describe('the schedule file', () => {
  const admin: Actor = { id: 'admin', roles: ['room-admin'] };
  const now = Date.parse('2026-11-30T08:00+08:00');
  const door = createDoorDecider();

  /** What the kiosk does on import (KioskService.dispatchAll): every command, in order, or none. */
  function importFile(
    file: unknown,
    before: readonly unknown[] = [],
  ): { ok: true; events: number } | { ok: false; why: string } {
    const read = readScheduleFile(JSON.stringify(file), now, admin);
    if (!read.ok) return { ok: false, why: read.rejection.message.en };
    let state = emptyKioskState;
    let events = 0;
    for (const command of [...before, ...read.value.commands]) {
      const parsed = door.parse(command);
      const r = parsed.ok ? door.decide(parsed.value, doorStateOf(state)) : parsed;
      if (!r.ok) return { ok: false, why: r.rejection.message.en };
      state = foldKioskEvents(state, r.value as readonly KioskEvent[]);
      events += r.value.length;
    }
    return { ok: true, events };
  }

  it('K-4: the example is valid and imports whole', () => {
    const file = example('schedule.json');
    expect(validate(file, schema('schedule-file'))).toEqual([]);
    const imported = importFile(file);
    expect(imported).toMatchObject({ ok: true, events: expect.any(Number) });
  });

  it('K-4: it imports on a new tablet too, beside the demo dealership the tablet starts with', () => {
    const demo = demoCommands(now, 'Asia/Shanghai');
    expect(importFile({ format: 'huiyi-schedule', version: 1 }, demo)).toMatchObject({ ok: false });
    expect(importFile(example('schedule.json'), demo)).toMatchObject({ ok: true });
    // The demo's room ids are taken: a file that registers a different room A is refused whole.
    const clash = structuredClone(example('schedule.json')) as { rooms: { id: string }[] };
    clash.rooms[0]!.id = 'A';
    expect(importFile(clash, demo)).toMatchObject({ ok: false });
  });

  /** A change to the example file, made in place. */
  type Mutant = [string, (f: Record<string, unknown>) => void];
  const first = (f: Record<string, unknown>, list: string) =>
    (f[list] as Record<string, unknown>[])[0] as Record<string, unknown>;
  const meeting = (f: Record<string, unknown>) => first(f, 'meetings');
  const mutants: Mutant[] = [
    ['another format', (f) => void (f['format'] = 'ics')],
    ['version 2', (f) => void (f['version'] = 2)],
    ['a stray field', (f) => void (f['notes'] = '…')],
    ['rooms not a list', (f) => void (f['rooms'] = {})],
    ['a room of capacity 0', (f) => void (first(f, 'rooms')['capacity'] = 0)],
    [
      'opening at 8:00',
      (f) =>
        void (first(f, 'rooms')['openingHours'] = [
          { weekdays: [1], open: '8:00', close: '20:00' },
        ]),
    ],
    ['a person with an unknown role', (f) => void (first(f, 'people')['roles'] = ['boss'])],
    ['a time without its offset', (f) => void (first(f, 'bookings')['start'] = '2026-12-02T09:00')],
    ['unknown equipment', (f) => void (first(f, 'bookings')['equipment'] = ['laser'])],
    ['a booking with a stray field', (f) => void (first(f, 'bookings')['colour'] = 'red')],
    ['a meeting without a chair', (f) => void delete meeting(f)['chairId']],
    [
      'an agenda item of 0 minutes',
      (f) => void ((meeting(f)['agenda'] as Record<string, unknown>[])[0]!['timeboxMinutes'] = 0),
    ],
    ['no participants', (f) => void (meeting(f)['participants'] = [])],
  ];

  it.each(mutants)('K-4: %s: refused by the schema and by the kiosk alike', (_, mutate) => {
    const file = structuredClone(example('schedule.json')) as Record<string, unknown>;
    mutate(file);
    expect(validate(file, schema('schedule-file'))).not.toEqual([]);
    expect(importFile(file)).toMatchObject({ ok: false });
  });
});
