import { describe, expect, it } from 'vitest';
import { DOOR_COMMAND_TYPES } from '@huiyi/core';
import { dealershipHubRules } from './dealership-rules.js';
import { given, planMeeting, site } from './testing/dealership.test-helpers.js';

const rules = dealershipHubRules();

describe('S-3: what a door takes and what needs the admin scope', () => {
  it('S-3: a door takes check-in and sign-in, never registering a room', () => {
    expect(rules.doorCommands.has('CheckIn')).toBe(true);
    expect(rules.doorCommands.has('SignIn')).toBe(true);
    expect(rules.doorCommands.has('RegisterRoom')).toBe(false);
    expect(rules.adminCommands.has('RegisterRoom')).toBe(true);
  });

  it("S-3: a door pushes exactly the commands a door issues (K-2), less the admin's", () => {
    expect([...rules.doorCommands].sort()).toEqual(
      DOOR_COMMAND_TYPES.filter((t) => !rules.adminCommands.has(t)).sort(),
    );
    for (const t of [
      'CancelBooking',
      'StartMeeting',
      'RequestWaiver',
      'StartAction',
      'EditMinutes',
    ])
      expect(rules.doorCommands.has(t), t).toBe(false);
    for (const t of ['RegisterRoom', 'RegisterPerson', 'ReleaseNoShows'])
      expect(rules.doorCommands.has(t), t).toBe(false);
  });
});

describe('S-4: what a door may read of a confidential meeting', () => {
  it("S-4: a confidential meeting's plan reaches a door without its topic", () => {
    const { events, state } = given([...site(), ...planMeeting('m1', 'B', true)]);
    const planned = events.find((e) => e.type === 'MeetingPlanned');
    expect(planned).toBeDefined();
    const seen = rules.redactForDoor(planned!, state) as unknown as { plan: { topic: string } };
    expect(seen.plan.topic).toBe('');
  });
});

describe('read models: the rows an event leaves', () => {
  it('M-6: planning a meeting leaves its meeting row', () => {
    const { events, state } = given([...site(), ...planMeeting('m1', 'A', false)]);
    const rows = rules.readModelRows(events, state);
    expect(rows.meetings?.map((m) => m.meeting_id)).toEqual(['m1']);
  });
});
