// The rules the dealership's hub rules hold, one test per rule they would break if they were
// written otherwise: what a door sees (S-3, S-4), whose roles count (S-3) and the read models.
import type { DealershipEvent } from '@huiyi/core';
import { describe, expect, it } from 'vitest';
import { dealershipHubRules } from './dealership-rules.js';
import { given, NOW, planMeeting, site } from './testing/dealership.test-helpers.js';
import { admin, at, wang } from './testing/fixtures.test-helpers.js';

const rules = dealershipHubRules();
const DAY = 86_400_000;

/** Actions opened from meeting m1's published minutes: one item for p-chen, due in a week. */
const openActions = (meetingId = 'm1'): Record<string, unknown> => ({
  type: 'OpenActionsFromMinutes',
  now: at(16),
  actor: wang,
  meetingId,
  version: 1,
  publishedAt: at(16),
  kind: 'ad-hoc',
  roomId: 'B',
  chairId: 'p-wang',
  recorderId: 'p-li',
  items: [{ itemId: 'o1', text: '更换举升机密封圈', ownerId: 'p-chen', due: at(16) + 7 * DAY }],
});

const one = (events: readonly DealershipEvent[], type: string): DealershipEvent => {
  const e = events.find((x) => x.type === type);
  if (!e) throw new Error(`no ${type} among ${events.map((x) => x.type).join(', ')}`);
  return e;
};

describe('S-3: a door reads the directory and the policy, nothing else site-wide', () => {
  it('S-3: a person registered and a policy revision reach every door', () => {
    const { events } = given(site().slice(0, 3));
    expect(rules.doorSees(one(events, 'PersonRegistered'))).toBe(true);
    const policy = { type: 'PolicyRevisionProposed' } as unknown as DealershipEvent;
    expect(rules.doorSees(policy)).toBe(true);
  });

  it("S-3: a meeting's plan and an action are not site-wide reading for a door", () => {
    const planned = given([...site(), ...planMeeting('m1', 'A', false)]);
    expect(rules.doorSees(one(planned.events, 'MeetingPlanned'))).toBe(false);
    const opened = given([openActions()], planned.state);
    expect(rules.doorSees(one(opened.events, 'ActionOpened'))).toBe(false);
  });
});

describe("S-3: the hub decides with the directory's roles", () => {
  it('S-3: a person the directory knows has its standing roles', () => {
    const { state } = given([
      {
        type: 'RegisterPerson',
        now: at(7),
        actor: admin,
        person: {
          id: 'p-sun',
          name: '孙',
          department: '售后服务部',
          employeeNumber: 'S009',
          roles: ['room-admin'],
        },
      },
    ]);
    expect(rules.directoryRoles('p-sun', state)).toEqual(['room-admin']);
  });

  it('S-3: a person the directory does not know has no roles from it (undefined, not a crash)', () => {
    const { state } = given(site());
    expect(rules.directoryRoles('p-stranger', state)).toBeUndefined();
  });
});

describe('S-4: what is confidential, for the read models', () => {
  const { state } = given([
    ...site(),
    ...planMeeting('m1', 'B', true),
    ...planMeeting('m2', 'A', false, 16),
  ]);

  it('S-4: a confidential booking is confidential', () => {
    expect(rules.isConfidential('b-m1', state)).toBe(true);
  });

  it('S-4: a confidential meeting is confidential, by its own id', () => {
    expect(rules.isConfidential('m1', state)).toBe(true);
  });

  it('S-4: an open booking, an open meeting and an unknown id are not', () => {
    expect(rules.isConfidential('b-m2', state)).toBe(false);
    expect(rules.isConfidential('m2', state)).toBe(false);
    expect(rules.isConfidential('nothing', state)).toBe(false);
  });
});

describe("S-4, R-8: a confidential meeting's topic, agenda and names never reach a door", () => {
  it("S-4: the plan's topic, goals and agenda titles are blanked, the informed list emptied; ids and times stay", () => {
    const { events, state } = given([
      ...site(),
      ...planMeeting('m1', 'B', true),
      { type: 'EditMeeting', now: NOW, actor: wang, meetingId: 'm1', informed: ['p-zhao'] },
    ]);
    const edited = one(events, 'MeetingEdited') as unknown as {
      meetingId: string;
      plan: Record<string, unknown>;
    };
    const seen = rules.redactForDoor(edited as unknown as DealershipEvent, state) as unknown as {
      meetingId: string;
      plan: Record<string, unknown>;
    };
    expect(seen.meetingId).toBe('m1');
    expect(seen.plan).toEqual({
      ...edited.plan,
      topic: '',
      goals: '',
      agenda: [{ id: 'i1', title: '', presenterId: 'p-li', timeboxMinutes: 30 }],
      informed: [],
    });
    expect(seen.plan['chairId']).toBe('p-wang');
    expect(seen.plan['booking']).toEqual(edited.plan['booking']);
  });

  it('S-4: an event of a confidential meeting that names it only by id is blanked too', () => {
    const { events, state } = given([
      ...site(),
      ...planMeeting('m1', 'B', true),
      { type: 'EditMeeting', now: NOW, actor: wang, meetingId: 'm1', topic: '第二轮审核' },
    ]);
    const edited = one(events, 'MeetingEdited');
    const seen = rules.redactForDoor(edited, state) as unknown as { plan: { topic: string } };
    expect(seen.plan.topic).toBe('');
  });

  it('S-4: what was written while a meeting was confidential stays blanked after it is made open', () => {
    const planned = given([...site(), ...planMeeting('m1', 'B', true)]);
    const plan = one(planned.events, 'MeetingPlanned');
    const later = given(
      [{ type: 'EditMeeting', now: NOW, actor: wang, meetingId: 'm1', confidential: false }],
      planned.state,
    );
    const seen = rules.redactForDoor(plan, later.state) as unknown as { plan: { topic: string } };
    expect(seen.plan.topic).toBe('');
  });

  /** A meeting started at 14:00 and an outcome recorded in it by its recorder. */
  const outcome = (meetingId: string, roomId: string, confidential: boolean) =>
    given([
      ...site(),
      ...planMeeting(meetingId, roomId, confidential),
      { type: 'ScheduleMeeting', now: NOW, actor: wang, meetingId },
      { type: 'StartMeeting', now: at(14), actor: wang, meetingId },
      {
        type: 'RecordOutcome',
        now: at(14, 10),
        actor: { id: 'p-li', roles: [] },
        meetingId,
        outcomeId: 'o1',
        itemId: 'i1',
        kind: 'decision',
        text: '同意索赔',
      },
    ]);

  it('S-4: an outcome recorded in a confidential meeting reaches a door without its text', () => {
    const { events, state } = outcome('m1', 'B', true);
    const recorded = one(events, 'OutcomeRecorded') as unknown as { outcome: object };
    const seen = rules.redactForDoor(recorded as unknown as DealershipEvent, state);
    expect(seen).toEqual({ ...recorded, outcome: { ...recorded.outcome, text: '' } });
  });

  it('S-4: an outcome recorded in an open meeting keeps its text', () => {
    const { events, state } = outcome('m2', 'A', false);
    const recorded = one(events, 'OutcomeRecorded');
    expect(rules.redactForDoor(recorded, state)).toEqual(recorded);
  });

  it('R-8, S-4: a signed agreement reaches a door without the drawn signature; the hub keeps it, and one signed without a drawing is as it is', () => {
    const { state } = given(site());
    const agreement = {
      type: 'ConfidentialityAgreementSigned',
      personId: 'p-zhao',
      version: 1,
      signatureRef: 'sig-zhao-1',
      by: 'p-zhao',
      at: NOW,
    };
    const drawn = { ...agreement, signature: 'data:image/png;base64,iVBORw0KGgo=' };
    const seen = rules.redactForDoor(drawn as unknown as DealershipEvent, state);
    expect(seen).toEqual(agreement);
    expect(drawn.signature).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(rules.redactForDoor(agreement as unknown as DealershipEvent, state)).toEqual(agreement);
  });

  it('S-4: an open meeting reaches a door as it is', () => {
    const { events, state } = given([...site(), ...planMeeting('m2', 'A', false)]);
    const plan = one(events, 'MeetingPlanned');
    expect(rules.redactForDoor(plan, state)).toEqual(plan);
  });
});

describe('read models: the rows of meetings and actions', () => {
  it("M-6: a booked meeting's row carries its room, times, chair, participants and attendance", () => {
    const { events, state } = given([...site(), ...planMeeting('m1', 'A', false)]);
    const [row] = rules.readModelRows(events, state).meetings ?? [];
    expect(row).toMatchObject({
      meeting_id: 'm1',
      room_id: 'A',
      topic: '索赔审核',
      status: 'draft',
      start_at: at(14),
      end_at: at(15),
      confidential: false,
      chair_id: 'p-wang',
      participants: ['p-chen'],
    });
    expect(row?.attendance).not.toBeNull();
    expect(row?.attendance).toBeDefined();
  });

  it('M-6: a meeting without a room has no room, times or attendance, and no chair yet', () => {
    const { events, state } = given([
      ...site(),
      {
        type: 'PlanMeeting',
        now: NOW,
        actor: wang,
        meetingId: 'm3',
        kind: 'ad-hoc',
        topic: '配件价格',
        agenda: [],
        participants: ['p-chen'],
        confidential: false,
      },
    ]);
    expect(rules.readModelRows(events, state).meetings).toEqual([
      {
        meeting_id: 'm3',
        room_id: null,
        topic: '配件价格',
        status: 'draft',
        start_at: null,
        end_at: null,
        confidential: false,
        chair_id: '',
        participants: ['p-chen'],
        attendance: null,
      },
    ]);
  });

  /** p-chen's line in the attendance of meeting m1 (room A, ad hoc, 14:00), signed in at 14:05 under a policy with these overrides. */
  const chenAt1405 = (overrides: object) => {
    const boss = { id: 'p-boss', roles: ['leadership'] };
    const { events, state } = given([
      ...site(),
      {
        type: 'ProposePolicyRevision',
        revisionId: 'r1',
        effectiveFrom: at(9),
        summary: '迟到宽限 10 分钟',
        patch: {},
        overrides,
        now: NOW,
        actor: wang,
      },
      { type: 'ApprovePolicyRevision', revisionId: 'r1', now: NOW, actor: boss },
      { type: 'AnnouncePolicyRevision', revisionId: 'r1', now: NOW, actor: boss },
      ...planMeeting('m1', 'A', false),
      { type: 'ScheduleMeeting', now: NOW, actor: wang, meetingId: 'm1' },
      { type: 'SignIn', now: at(14, 5), actor: { id: 'p-chen', roles: [] }, meetingId: 'm1' },
    ]);
    const [row] = rules.readModelRows(events, state).meetings ?? [];
    const report = row?.attendance as { rows: { personId: string; status: string }[] };
    return report.rows.find((r) => r.personId === 'p-chen')?.status;
  };

  it("M-6: a meeting's row judges an arrival by the policy for its kind of meeting", () => {
    expect(chenAt1405({})).toBe('late');
    expect(chenAt1405({ kinds: { 'ad-hoc': { meetings: { lateGraceMinutes: 10 } } } })).toBe(
      'on-time',
    );
  });

  it("M-6: a meeting's row judges an arrival by the policy for its room", () => {
    expect(chenAt1405({ rooms: { A: { meetings: { lateGraceMinutes: 10 } } } })).toBe('on-time');
    expect(chenAt1405({ rooms: { B: { meetings: { lateGraceMinutes: 10 } } } })).toBe('late');
  });

  it('F-2: actions opened from minutes leave their rows, open, and no meeting row', () => {
    const planned = given([...site(), ...planMeeting('m1', 'B', true)]);
    const { events, state } = given([openActions()], planned.state);
    const rows = rules.readModelRows(events, state);
    expect(rows.meetings).toEqual([]);
    expect(rows.actions).toEqual([
      {
        action_id: 'm1:o1',
        meeting_id: 'm1',
        owner_id: 'p-chen',
        text: '更换举升机密封圈',
        status: 'open',
        open: true,
        due: at(16) + 7 * DAY,
        urgency: 'normal',
      },
    ]);
  });

  it('F-2: a cancelled action is no longer open', () => {
    const planned = given([...site(), ...planMeeting('m1', 'B', true)]);
    const opened = given([openActions()], planned.state);
    const { events, state } = given(
      [
        {
          type: 'CancelAction',
          now: at(17),
          actor: wang,
          actionId: 'm1:o1',
          reason: '已由供应商处理',
        },
      ],
      opened.state,
    );
    const [row] = rules.readModelRows(events, state).actions ?? [];
    expect(row).toMatchObject({ action_id: 'm1:o1', status: 'cancelled', open: false });
  });
});
