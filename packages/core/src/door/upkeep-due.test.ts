import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { DEFAULT_PARAMETERS } from '../policy/default-parameters.js';
import type { PolicyLookup } from '../policy/policy-at.js';
import type { BookingCommand } from '../rooms/booking-commands.js';
import { createBookingDecider } from '../rooms/booking-decider.js';
import { MINUTE } from '../time/instant.js';
import type { UpkeepCommand } from '../upkeep/upkeep-commands.js';
import { createUpkeepDecider } from '../upkeep/upkeep-decider.js';
import type { UpkeepLogEvent } from '../upkeep/upkeep-events.js';
import { at, siteLog, wang } from '../upkeep/fixtures.test-helpers.js';
import { checklistFor } from '../upkeep/upkeep-queries.js';
import { foldUpkeepEvents, initialUpkeepState, type UpkeepState } from '../upkeep/upkeep-state.js';
import { checklistDue, powerOffDue } from './upkeep-due.js';

/** A policy that is not the defaults: check-in opens and closes 5 minutes either side. */
const narrow: PolicyLookup = () => ({
  ...DEFAULT_PARAMETERS,
  rooms: {
    ...DEFAULT_PARAMETERS.rooms,
    checkInOpensMinutesBeforeStart: 5,
    checkInClosesMinutesAfterStart: 5,
  },
});

interface Step {
  readonly start: number;
  readonly minutes: number;
  readonly projector: boolean;
  readonly checkIn: boolean;
  readonly endEarly: boolean;
  readonly powerOff: boolean;
}

/** Room A on Monday 30 November: bookings, check-ins, early ends and power-offs, through the deciders. */
function roomWith(policy: PolicyLookup, steps: readonly Step[]): UpkeepState {
  const rooms = createBookingDecider(policy);
  const upkeep = createUpkeepDecider(policy);
  const log: UpkeepLogEvent[] = [...siteLog];
  const tell = (c: BookingCommand | UpkeepCommand, rooms_: boolean) => {
    const s = foldUpkeepEvents(initialUpkeepState, log);
    const r = rooms_
      ? rooms.decide(c as BookingCommand, s.rooms)
      : upkeep.decide(c as UpkeepCommand, s);
    if (r.ok) log.push(...r.value);
  };
  for (const [i, b] of [...steps].sort((x, y) => x.start - y.start).entries()) {
    const bookingId = `b${i}`;
    const end = b.start + b.minutes * MINUTE;
    const base = { actor: wang, roomId: 'A', bookingId };
    tell(
      {
        type: 'RequestBooking',
        now: at(7),
        ...base,
        topic: '会议',
        headcount: 2,
        start: b.start,
        end,
        equipment: b.projector ? ['projector'] : [],
      },
      true,
    );
    if (!b.checkIn) continue;
    tell({ type: 'CheckIn', now: b.start, ...base }, true);
    if (b.endEarly) tell({ type: 'EndEarly', now: b.start + 15 * MINUTE, ...base }, true);
    if (b.powerOff) tell({ type: 'ConfirmPowerOff', now: end, ...base }, false);
  }
  return foldUpkeepEvents(initialUpkeepState, log);
}

const stepsArb = fc.array(
  fc.record({
    start: fc.integer({ min: 8 * 4, max: 18 * 4 }).map((q) => at(0) + q * 15 * MINUTE),
    minutes: fc.constantFrom(30, 60),
    projector: fc.boolean(),
    checkIn: fc.boolean(),
    endEarly: fc.boolean(),
    powerOff: fc.boolean(),
  }),
  { maxLength: 6 },
);
const nowArb = fc.integer({ min: 7 * 60, max: 21 * 60 }).map((m) => at(0) + m * MINUTE);
const policyArb = fc.constantFrom<PolicyLookup>(() => DEFAULT_PARAMETERS, narrow);

const checklist = (state: UpkeepState, bookingId: string, now: number): UpkeepCommand => ({
  type: 'CompleteChecklist',
  now,
  actor: wang,
  roomId: 'A',
  bookingId,
  answers: (checklistFor(state, 'A', bookingId) ?? [])
    .filter((l) => l.fault === undefined)
    .map((l) => ({ equipmentId: l.equipmentId, result: 'ok' as const })),
});
const powerOff = (bookingId: string, now: number): UpkeepCommand => ({
  type: 'ConfirmPowerOff',
  now,
  actor: wang,
  roomId: 'A',
  bookingId,
});

describe('R-7: the equipment checklist the door asks for', () => {
  test.prop([policyArb, stepsArb, nowArb])(
    'R-7: a checklist due is accepted; one the decider would take for equipment needed is due',
    (policy, steps, now) => {
      const upkeep = createUpkeepDecider(policy);
      const state = roomWith(policy, steps);
      for (const b of state.rooms.rooms.get('A')?.bookings.values() ?? []) {
        const due = checklistDue(state, 'A', b.id, now, policy);
        const r = upkeep.decide(checklist(state, b.id, now), state);
        const takes = r.ok && r.value.some((e) => e.type === 'ChecklistCompleted');
        const needs = (checklistFor(state, 'A', b.id) ?? []).length > 0;
        expect(due).toBe(takes && needs);
      }
    },
  );

  it('R-7: due from when check-in opens, by the policy in force, until the checklist is done', () => {
    const state = roomWith(narrow, [
      {
        start: at(9),
        minutes: 60,
        projector: true,
        checkIn: false,
        endEarly: false,
        powerOff: false,
      },
    ]);
    expect(checklistDue(state, 'A', 'b0', at(8, 52), () => DEFAULT_PARAMETERS)).toBe(true);
    expect(checklistDue(state, 'A', 'b0', at(8, 52), narrow)).toBe(false);
    expect(checklistDue(state, 'A', 'b0', at(8, 55), narrow)).toBe(true);
    expect(checklistDue(state, 'A', 'b0', at(9, 5), narrow)).toBe(false); // check-in closed
    const done = createUpkeepDecider(narrow).decide(checklist(state, 'b0', at(8, 56)), state);
    const after = done.ok ? foldUpkeepEvents(state, done.value) : state;
    expect(checklistDue(after, 'A', 'b0', at(8, 57), narrow)).toBe(false);
    const none = roomWith(narrow, [
      {
        start: at(9),
        minutes: 60,
        projector: false,
        checkIn: true,
        endEarly: false,
        powerOff: false,
      },
    ]);
    expect(checklistDue(none, 'A', 'b0', at(9, 1), narrow)).toBe(false); // needs no equipment
  });
});

describe('R-7: the power-off check the door asks for', () => {
  test.prop([policyArb, stepsArb, nowArb])(
    'R-7: the booking asked about takes the check; with none asked, no meeting of today does',
    (policy, steps, now) => {
      const upkeep = createUpkeepDecider(policy);
      const state = roomWith(policy, steps);
      const due = powerOffDue(state, 'A', now, policy);
      const takes = (id: string) => {
        const r = upkeep.decide(powerOff(id, now), state);
        return r.ok && r.value.some((e) => e.type === 'PowerOffConfirmed');
      };
      if (due !== undefined) expect(takes(due)).toBe(true);
      else
        for (const b of state.rooms.rooms.get('A')?.bookings.values() ?? [])
          expect(takes(b.id)).toBe(false);
    },
  );

  it('R-7: the latest meeting over and used, ended early or not, until the power is confirmed off', () => {
    const policy = () => DEFAULT_PARAMETERS;
    const state = roomWith(policy, [
      {
        start: at(9),
        minutes: 60,
        projector: false,
        checkIn: true,
        endEarly: false,
        powerOff: false,
      },
      {
        start: at(11),
        minutes: 60,
        projector: false,
        checkIn: true,
        endEarly: true,
        powerOff: false,
      },
      {
        start: at(14),
        minutes: 60,
        projector: false,
        checkIn: false,
        endEarly: false,
        powerOff: false,
      },
      {
        start: at(16),
        minutes: 60,
        projector: false,
        checkIn: true,
        endEarly: false,
        powerOff: true,
      },
    ]);
    expect(powerOffDue(state, 'A', at(9, 30), policy)).toBeUndefined();
    expect(powerOffDue(state, 'A', at(10), policy)).toBe('b0');
    expect(powerOffDue(state, 'A', at(11, 15), policy)).toBe('b1'); // ended early at 11:15
    expect(powerOffDue(state, 'A', at(15, 30), policy)).toBe('b1'); // b2 was never used
    expect(powerOffDue(state, 'A', at(17, 30), policy)).toBe('b1'); // b3's power is off
    expect(powerOffDue(state, 'A', at(9) + 24 * 60 * MINUTE, policy)).toBeUndefined(); // the next day
  });
});
