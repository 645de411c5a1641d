// The policy guide: a revision proposed, approved by leadership, announced; the version in force
// at a decision's `now`; narrower overrides per room; the bookings decider judged by it.
import { expect, it } from 'vitest';
// #region revision
import {
  DAY,
  decidePolicy,
  evolvePolicy,
  initialPolicyState,
  policyAt,
  toInstant,
  type PolicyCommand,
  type PolicyState,
} from '@huiyi/core';

const admin = { id: 'admin', roles: ['room-admin'] } as const;
const boss = { id: 'boss', roles: ['leadership'] } as const;
const monday = toInstant({ year: 2026, month: 11, day: 30, hour: 9, minute: 0 }, 'Asia/Shanghai');

let policy: PolicyState = initialPolicyState; // version 0: DEFAULT_PARAMETERS
function tell(command: PolicyCommand) {
  const result = decidePolicy(command, policy);
  if (result.ok) policy = result.value.reduce(evolvePolicy, policy);
  return result;
}

const revision = { revisionId: 'r1', actor: admin };
tell({
  ...revision,
  type: 'ProposePolicyRevision',
  now: monday,
  effectiveFrom: monday + 7 * DAY,
  summary: '会议室之间留 10 分钟;大会议室可订 8 小时',
  patch: { rooms: { bufferMinutes: 10 } }, // site-wide
  overrides: { rooms: { B: { rooms: { maxLengthMinutes: 480 } } } }, // room B only (P-3)
});
tell({ ...revision, type: 'ApprovePolicyRevision', now: monday + DAY, actor: boss }); // P-2
tell({ ...revision, type: 'AnnouncePolicyRevision', now: monday + 2 * DAY });
// #endregion revision

it('P-1, P-2, P-3: the version in force at a decision, narrowest wins', () => {
  // #region policy-at
  expect(policyAt(policy, monday).version).toBe(0); // before it takes effect
  const later = policyAt(policy, monday + 8 * DAY, { roomId: 'B' });
  expect(later).toMatchObject({ version: 1, revisionId: 'r1', inForceFrom: monday + 7 * DAY });
  expect(later.parameters.rooms).toMatchObject({ bufferMinutes: 10, maxLengthMinutes: 480 });
  expect(
    policyAt(policy, monday + 8 * DAY, { roomId: 'A' }).parameters.rooms.maxLengthMinutes,
  ).toBe(
    240, // room A keeps the site's
  );
  // #endregion policy-at
});

it('P-2: only leadership approves', () => {
  const r = decidePolicy(
    { revisionId: 'r1', actor: admin, type: 'ApprovePolicyRevision', now: monday },
    initialPolicyState,
  );
  expect(r.ok).toBe(false);
});

// #region deciders
import { createBookingDecider, parametersIn, type Room } from '@huiyi/core';

// Every command is judged by the version in force at its own `now`, for its room:
const bookings = createBookingDecider(parametersIn(policy));
// #endregion deciders

it('P-1: the bookings decider follows the policy state it is given', () => {
  const room: Room = {
    id: 'B',
    name: '大会议室',
    capacity: 20,
    equipment: [],
    openingHours: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], open: '08:00', close: '20:00' }],
    confidential: false,
    needsApproval: false,
    walkUp: false,
  };
  let state = bookings.initialState;
  const registered = bookings.decide(
    { type: 'RegisterRoom', now: monday, actor: admin, room },
    state,
  );
  if (!registered.ok) throw new Error(registered.rejection.message.en);
  state = registered.value.reduce(bookings.evolve, state);
  const sixHours = (now: number, start: number) =>
    bookings.decide(
      {
        type: 'RequestBooking',
        now,
        actor: admin,
        bookingId: `b${start}`,
        roomId: 'B',
        topic: '年度培训',
        headcount: 20,
        start,
        end: start + 6 * 60 * 60_000,
      },
      state,
    );
  expect(sixHours(monday, monday + DAY).ok).toBe(false); // version 0: at most 4 h
  expect(sixHours(monday + 8 * DAY, monday + 9 * DAY).ok).toBe(true); // version 1, room B: 8 h
});
