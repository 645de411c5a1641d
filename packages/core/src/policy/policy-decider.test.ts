import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import type { Actor } from '../people/actor.js';
import { HOUR } from '../time/instant.js';
import { givenFor, run } from '../testing/given.js';
import { actorArb, parameterPatchArb, policyParametersArb } from '../testing/policy-arbitraries.js';
import { DEFAULT_PARAMETERS } from './default-parameters.js';
import { policyAt } from './policy-at.js';
import type { PolicyCommand, ProposePolicyRevision } from './policy-commands.js';
import { policyDecider } from './policy-decider.js';
import type { PolicyEvent } from './policy-events.js';
import { initialPolicyState } from './policy-state.js';

const given = givenFor(policyDecider);
const boss: Actor = { id: 'boss', roles: ['leadership'] };
const admin: Actor = { id: 'admin', roles: ['room-admin'] };
const clerk: Actor = { id: 'clerk', roles: ['organizer'] };
const T0 = Date.UTC(2026, 0, 5, 1); // Mon 2026-01-05 09:00 in Shanghai

const propose = (over: Partial<ProposePolicyRevision> = {}): PolicyCommand =>
  ({
    type: 'ProposePolicyRevision',
    revisionId: 'r1',
    effectiveFrom: T0 + 24 * HOUR,
    summary: '会议室最长预订改为 8 小时',
    patch: { rooms: { maxLengthMinutes: 480 } },
    now: T0,
    actor: clerk,
    ...over,
  }) as PolicyCommand;
const approve = (actor: Actor = boss, now = T0 + HOUR): PolicyCommand => ({
  type: 'ApprovePolicyRevision',
  revisionId: 'r1',
  now,
  actor,
});
const announce = (actor: Actor = admin, now = T0 + 2 * HOUR): PolicyCommand => ({
  type: 'AnnouncePolicyRevision',
  revisionId: 'r1',
  now,
  actor,
});
const withdraw = (actor: Actor = clerk, now = T0 + 3 * HOUR): PolicyCommand => ({
  type: 'WithdrawPolicyRevision',
  revisionId: 'r1',
  now,
  actor,
});

/** The events a sequence of commands leaves, asserting each is accepted. */
function history(...commands: PolicyCommand[]): PolicyEvent[] {
  const { events, results } = run(policyDecider, commands);
  for (const r of results) expect(r.ok).toBe(true);
  return [...events];
}

const proposed = (): PolicyEvent[] => history(propose());
const approved = (): PolicyEvent[] => history(propose(), approve());

describe('the revision lifecycle (P-2)', () => {
  it('P-2: a proposal records its content, who and when', () => {
    expect(given([]).when(propose())).toEqual({
      ok: true,
      value: [
        {
          type: 'PolicyRevisionProposed',
          revisionId: 'r1',
          effectiveFrom: T0 + 24 * HOUR,
          summary: '会议室最长预订改为 8 小时',
          patch: { rooms: { maxLengthMinutes: 480 } },
          by: 'clerk',
          at: T0,
        },
      ],
    });
  });

  it('P-2: only leadership approves', () => {
    for (const actor of [clerk, admin, { id: 'chair', roles: ['chair', 'supervisor'] } as Actor]) {
      expect(given(proposed()).when(approve(actor))).toMatchObject({
        ok: false,
        rejection: { rule: 'P-2', code: 'policy.approve-forbidden', data: { actorId: actor.id } },
      });
    }
  });

  it('P-2: leadership approves, and who and when are kept', () => {
    const decision = given(proposed()).when(approve(boss, T0 + HOUR));
    expect(decision).toEqual({
      ok: true,
      value: [{ type: 'PolicyRevisionApproved', revisionId: 'r1', by: 'boss', at: T0 + HOUR }],
    });
    const state = given(approved()).state;
    expect(state.revisions.get('r1')).toMatchObject({
      status: 'approved',
      approved: { by: 'boss', at: T0 + HOUR },
    });
  });

  it('P-2: a revision approved but not announced is not in force', () => {
    const state = given(approved()).state;
    expect(policyAt(state, T0 + 1000 * HOUR)).toEqual({
      version: 0,
      inForceFrom: -8.64e15,
      parameters: DEFAULT_PARAMETERS,
    });
  });

  it('P-2: announcing before approval is refused', () => {
    expect(given(proposed()).when(announce())).toMatchObject({
      ok: false,
      rejection: { rule: 'P-2', code: 'policy.revision-not-approved' },
    });
  });

  it('P-2: only a room admin or leadership announces', () => {
    expect(given(approved()).when(announce(clerk))).toMatchObject({
      ok: false,
      rejection: { rule: 'P-2', code: 'policy.announce-forbidden' },
    });
    expect(given(approved()).when(announce(boss)).ok).toBe(true);
  });

  it('P-2: an approved, announced revision is version 1, in force from its effective date', () => {
    const decision = given(approved()).when(announce());
    expect(decision).toMatchObject({
      ok: true,
      value: [
        {
          type: 'PolicyRevisionAnnounced',
          revisionId: 'r1',
          version: 1,
          inForceFrom: T0 + 24 * HOUR,
        },
      ],
    });
    const state = given(history(propose(), approve(), announce())).state;
    expect(policyAt(state, T0 + 24 * HOUR - 1).version).toBe(0);
    const now = policyAt(state, T0 + 24 * HOUR);
    expect(now).toMatchObject({ version: 1, revisionId: 'r1' });
    expect(now.parameters.rooms.maxLengthMinutes).toBe(480);
    expect(now.parameters.rooms.minLengthMinutes).toBe(15);
    expect(state.versions[1]).toMatchObject({
      approved: { by: 'boss' },
      announced: { by: 'admin' },
    });
  });

  it('P-2: a retroactive effective date is clamped to the announcement (never retroactive)', () => {
    const events = history(
      propose({ effectiveFrom: T0 - 100 * HOUR }),
      approve(),
      announce(admin, T0 + 5 * HOUR),
    );
    const state = given(events).state;
    expect(events.at(-1)).toMatchObject({ inForceFrom: T0 + 5 * HOUR });
    expect(policyAt(state, T0).version).toBe(0);
    expect(policyAt(state, T0 + 5 * HOUR).version).toBe(1);
  });

  it('P-2: a later version never takes effect before the one announced before it', () => {
    const events = history(
      propose({ effectiveFrom: T0 + 100 * HOUR }),
      approve(),
      announce(),
      propose({
        revisionId: 'r2',
        patch: { meetings: { lateGraceMinutes: 5 } },
        effectiveFrom: T0 + 10 * HOUR,
      }),
      { ...approve(), revisionId: 'r2' },
      { ...announce(), revisionId: 'r2' },
    );
    const state = given(events).state;
    expect(events.at(-1)).toMatchObject({ version: 2, inForceFrom: T0 + 100 * HOUR });
    expect(policyAt(state, T0 + 50 * HOUR).version).toBe(0);
    // r2's patch lands on version 1, so r1's change survives.
    const v2 = policyAt(state, T0 + 100 * HOUR);
    expect(v2.version).toBe(2);
    expect(v2.parameters.rooms.maxLengthMinutes).toBe(480);
    expect(v2.parameters.meetings.lateGraceMinutes).toBe(5);
  });

  it('P-2: a revision is withdrawn before announcement, and then cannot be approved or announced', () => {
    expect(given(proposed()).when(withdraw())).toEqual({
      ok: true,
      value: [
        { type: 'PolicyRevisionWithdrawn', revisionId: 'r1', by: 'clerk', at: T0 + 3 * HOUR },
      ],
    });
    const gone = history(propose(), approve(), withdraw(admin));
    expect(given(gone).when(announce())).toMatchObject({
      ok: false,
      rejection: { code: 'policy.revision-withdrawn' },
    });
    expect(given(gone).when(approve())).toMatchObject({
      ok: false,
      rejection: { code: 'policy.revision-withdrawn' },
    });
  });

  it('P-2: an announced revision cannot be withdrawn; a stranger cannot withdraw', () => {
    expect(given(history(propose(), approve(), announce())).when(withdraw(boss))).toMatchObject({
      ok: false,
      rejection: { code: 'policy.revision-announced' },
    });
    expect(given(proposed()).when(withdraw({ id: 'other', roles: ['chair'] }))).toMatchObject({
      ok: false,
      rejection: { code: 'policy.withdraw-forbidden' },
    });
  });

  it('P-2: a withdrawal keeps its reason', () => {
    const decision = given(proposed()).when({ ...withdraw(), reason: '重复提交' } as PolicyCommand);
    expect(decision).toMatchObject({ ok: true, value: [{ reason: '重复提交' }] });
  });

  it('P-2: commands about an unknown revision are refused', () => {
    for (const c of [approve(), announce(), withdraw()]) {
      expect(given([]).when(c)).toMatchObject({
        ok: false,
        rejection: { code: 'policy.revision-unknown' },
      });
    }
  });

  it('P-2: the same id proposed again with other content is refused', () => {
    expect(given(proposed()).when(propose({ summary: 'other' }))).toMatchObject({
      ok: false,
      rejection: { code: 'policy.revision-exists' },
    });
  });

  it('P-2: a repeated command decides to no events (double tap)', () => {
    expect(given(proposed()).when(propose({ now: T0 + 1 }))).toEqual({ ok: true, value: [] });
    expect(given(approved()).when(approve(boss, T0 + 9 * HOUR))).toEqual({ ok: true, value: [] });
    const announcedAlready = history(propose(), approve(), announce());
    expect(given(announcedAlready).when(announce())).toEqual({ ok: true, value: [] });
    expect(given(announcedAlready).when(approve())).toEqual({ ok: true, value: [] });
    expect(given(history(propose(), withdraw())).when(withdraw())).toEqual({ ok: true, value: [] });
  });

  it('P-1: complete parameters with no overrides replace the version whole', () => {
    const events = history(
      propose({
        parameters: {
          ...DEFAULT_PARAMETERS,
          kiosk: { idleReturnSeconds: 90, defaultLanguage: 'en' },
        },
        patch: undefined,
      } as never),
      approve(),
      announce(),
    );
    expect(policyAt(given(events).state, T0 + 24 * HOUR).parameters.kiosk).toEqual({
      idleReturnSeconds: 90,
      defaultLanguage: 'en',
    });
  });

  it('P-3: a patch keeps the overrides of the version below; overrides given replace them', () => {
    const events = history(
      propose({ overrides: { rooms: { A: { rooms: { bufferMinutes: 10 } } } } }),
      approve(),
      announce(),
      propose({ revisionId: 'r2', patch: { meetings: { lateGraceMinutes: 3 } } }),
      { ...approve(), revisionId: 'r2' },
      { ...announce(), revisionId: 'r2' },
      propose({
        revisionId: 'r3',
        patch: {},
        overrides: { kinds: { 'ad-hoc': { rooms: { bufferMinutes: 5 } } } },
      }),
      { ...approve(), revisionId: 'r3' },
      { ...announce(), revisionId: 'r3' },
    );
    const state = given(events).state;
    const t = T0 + 24 * HOUR;
    expect(state.versions[2]?.overrides).toEqual({
      rooms: { A: { rooms: { bufferMinutes: 10 } } },
    });
    expect(policyAt(state, t, { roomId: 'A' })).toMatchObject({ version: 3 });
    expect(policyAt(state, t, { roomId: 'A' }).parameters.rooms.bufferMinutes).toBe(0);
    expect(policyAt(state, t, { roomId: 'A', kind: 'ad-hoc' }).parameters.rooms.bufferMinutes).toBe(
      5,
    );
  });

  it('P-1: a proposal whose result contradicts itself is refused', () => {
    expect(given([]).when(propose({ patch: { rooms: { minLengthMinutes: 300 } } }))).toMatchObject({
      ok: false,
      rejection: { rule: 'P-1', code: 'policy.parameters-inconsistent' },
    });
  });

  it.each([
    ['null', null],
    ['a string', 'approve'],
    ['an empty object', {}],
    ['no revision id', { type: 'ApprovePolicyRevision' }],
    ['a NaN now', { type: 'ApprovePolicyRevision', revisionId: 'r1', now: NaN, actor: boss }],
    [
      'an unknown role',
      {
        type: 'ApprovePolicyRevision',
        revisionId: 'r1',
        now: 0,
        actor: { id: 'x', roles: ['king'] },
      },
    ],
    ['an empty id', { type: 'ApprovePolicyRevision', revisionId: '', now: 0, actor: boss }],
    [
      'a stray field',
      { type: 'ApprovePolicyRevision', revisionId: 'r1', now: 0, actor: boss, extra: 1 },
    ],
    ['neither parameters nor patch', { ...propose(), patch: undefined }],
    ['both parameters and patch', { ...propose(), parameters: DEFAULT_PARAMETERS }],
    ['a blank summary', { ...propose(), summary: '  ' }],
    ['a date string', { ...propose(), effectiveFrom: '2026-01-01' }],
    ['a bad patch', { ...propose(), patch: { rooms: { bufferMinutes: -1 } } }],
    ['bad overrides', { ...propose(), overrides: { floors: {} } }],
    ['a blank reason', { ...withdraw(), reason: '' }],
  ])(
    'P-2: a malformed command (%s) is refused with a rule and both languages',
    (_label, command) => {
      const r = policyDecider.decide(command as PolicyCommand, initialPolicyState);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(['P-1', 'P-2', 'P-3']).toContain(r.rejection.rule);
      expect(r.rejection.message['zh-CN'].length).toBeGreaterThan(0);
      expect(r.rejection.message.en.length).toBeGreaterThan(0);
    },
  );
});

const nowArb = fc.integer({ min: T0 - 1000 * HOUR, max: T0 + 1000 * HOUR });
const commandArb: fc.Arbitrary<PolicyCommand> = fc.oneof(
  fc.record({
    type: fc.constant('ProposePolicyRevision' as const),
    revisionId: fc.constantFrom('r1', 'r2'),
    effectiveFrom: nowArb,
    summary: fc.constant('修订'),
    patch: parameterPatchArb(),
    now: nowArb,
    actor: actorArb,
  }),
  fc.record({
    type: fc.constantFrom(
      'ApprovePolicyRevision' as const,
      'AnnouncePolicyRevision' as const,
      'WithdrawPolicyRevision' as const,
    ),
    revisionId: fc.constantFrom('r1', 'r2'),
    now: nowArb,
    actor: actorArb,
  }),
);

describe('decidePolicy properties', () => {
  test.prop([fc.anything(), fc.array(commandArb, { maxLength: 6 })])(
    'P-2: arbitrary values never throw and are refused with a P rule',
    (value, setup) => {
      const { state } = run(policyDecider, setup);
      const r = policyDecider.decide(value as PolicyCommand, state);
      if (!r.ok) expect(r.rejection.rule).toMatch(/^P-[123]$/);
    },
  );

  test.prop([fc.json()])('P-2: arbitrary JSON never throws', (json) => {
    const r = policyDecider.decide(JSON.parse(json) as PolicyCommand, initialPolicyState);
    expect(r.ok).toBe(false);
  });

  test.prop([fc.array(commandArb, { maxLength: 8 }), commandArb])(
    'P-2: the same command twice: the second decides to no events',
    (setup, command) => {
      const { state } = run(policyDecider, setup);
      const first = policyDecider.decide(command, state);
      if (!first.ok) return;
      const after = first.value.reduce(policyDecider.evolve, state);
      expect(policyDecider.decide(command, after)).toEqual({ ok: true, value: [] });
    },
  );

  test.prop([policyParametersArb(), nowArb])(
    'P-1: any valid complete parameters can be proposed, approved and announced',
    (parameters, now) => {
      const events = history(
        {
          type: 'ProposePolicyRevision',
          revisionId: 'r',
          effectiveFrom: now,
          summary: 's',
          parameters,
          now,
          actor: clerk,
        },
        { type: 'ApprovePolicyRevision', revisionId: 'r', now, actor: boss },
        { type: 'AnnouncePolicyRevision', revisionId: 'r', now, actor: boss },
      );
      expect(policyAt(given(events).state, now)).toEqual({
        version: 1,
        revisionId: 'r',
        inForceFrom: now,
        parameters,
      });
    },
  );
});
