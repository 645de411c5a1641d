import { describe, expect, it } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import type { Actor } from '../people/actor.js';
import { HOUR } from '../time/instant.js';
import { run } from '../testing/given.js';
import { givenWhenThen } from '../testing/given-when-then.js';
import { malformedInputLaws } from '../testing/malformed-input.js';
import { actorArb, parameterPatchArb, policyParametersArb } from '../testing/policy-arbitraries.js';
import { DEFAULT_PARAMETERS } from './default-parameters.js';
import { policyAt } from './policy-at.js';
import type { PolicyCommand, ProposePolicyRevision } from './policy-commands.js';
import { policyDecider } from './policy-decider.js';
import type { PolicyEvent } from './policy-events.js';
import { initialPolicyState } from './policy-state.js';

const given = givenWhenThen(policyDecider);
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
    given([])
      .when(propose())
      .then([
        {
          type: 'PolicyRevisionProposed',
          revisionId: 'r1',
          effectiveFrom: T0 + 24 * HOUR,
          summary: '会议室最长预订改为 8 小时',
          patch: { rooms: { maxLengthMinutes: 480 } },
          by: 'clerk',
          at: T0,
        },
      ]);
  });

  it('P-2: only leadership approves', () => {
    for (const actor of [clerk, admin, { id: 'chair', roles: ['chair', 'supervisor'] } as Actor]) {
      const refused = given(proposed()).when(approve(actor));
      expect(refused.thenRejects('P-2', 'policy.approve-forbidden').data).toMatchObject({
        actorId: actor.id,
      });
    }
  });

  it('P-2: leadership approves, and who and when are kept', () => {
    given(proposed())
      .when(approve(boss, T0 + HOUR))
      .then([{ type: 'PolicyRevisionApproved', revisionId: 'r1', by: 'boss', at: T0 + HOUR }]);
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
    given(proposed()).when(announce()).thenRejects('P-2', 'policy.revision-not-approved');
  });

  it('P-2: only a room admin or leadership announces', () => {
    given(approved()).when(announce(clerk)).thenRejects('P-2', 'policy.announce-forbidden');
    given(approved()).when(announce(boss)).thenAccepted();
  });

  it('P-2: an approved, announced revision is version 1, in force from its effective date', () => {
    expect(given(approved()).when(announce()).thenAccepted()).toMatchObject([
      {
        type: 'PolicyRevisionAnnounced',
        revisionId: 'r1',
        version: 1,
        inForceFrom: T0 + 24 * HOUR,
      },
    ]);
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
    given(proposed())
      .when(withdraw())
      .then([
        { type: 'PolicyRevisionWithdrawn', revisionId: 'r1', by: 'clerk', at: T0 + 3 * HOUR },
      ]);
    const gone = history(propose(), approve(), withdraw(admin));
    given(gone).when(announce()).thenRejects('P-2', 'policy.revision-withdrawn');
    given(gone).when(approve()).thenRejects('P-2', 'policy.revision-withdrawn');
  });

  it('P-2: an announced revision cannot be withdrawn; a stranger cannot withdraw', () => {
    given(history(propose(), approve(), announce()))
      .when(withdraw(boss))
      .thenRejects('P-2', 'policy.revision-announced');
    given(proposed())
      .when(withdraw({ id: 'other', roles: ['chair'] }))
      .thenRejects('P-2', 'policy.withdraw-forbidden');
  });

  it('P-2: a withdrawal keeps its reason', () => {
    const withReason = { ...withdraw(), reason: '重复提交' } as PolicyCommand;
    expect(given(proposed()).when(withReason).thenAccepted()).toMatchObject([
      { reason: '重复提交' },
    ]);
  });

  it('P-2: commands about an unknown revision are refused', () => {
    for (const c of [approve(), announce(), withdraw()]) {
      given([]).when(c).thenRejects('P-2', 'policy.revision-unknown');
    }
  });

  it('P-2: the same id proposed again with other content is refused', () => {
    given(proposed())
      .when(propose({ summary: 'other' }))
      .thenRejects('P-2', 'policy.revision-exists');
  });

  it('P-2: a repeated command decides to no events (double tap)', () => {
    given(proposed())
      .when(propose({ now: T0 + 1 }))
      .thenNothingHappened();
    given(approved())
      .when(approve(boss, T0 + 9 * HOUR))
      .thenNothingHappened();
    const announcedAlready = history(propose(), approve(), announce());
    given(announcedAlready).when(announce()).thenNothingHappened();
    given(announcedAlready).when(approve()).thenNothingHappened();
    given(history(propose(), withdraw())).when(withdraw()).thenNothingHappened();
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
    given([])
      .when(propose({ patch: { rooms: { minLengthMinutes: 300 } } }))
      .thenRejects('P-1', 'policy.parameters-inconsistent');
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
      const rejection = given([])
        .when(command as PolicyCommand)
        .thenRefused();
      expect(['P-1', 'P-2', 'P-3']).toContain(rejection.rule);
    },
  );
});

describe('P-2: malformed input is command.malformed, as in every context', () => {
  it('P-2: an unknown type or a missing field is refused as command.malformed at its path', () => {
    const unknownType = given([])
      .when({ type: 'Nope' } as unknown as PolicyCommand)
      .thenRejects('P-2', 'command.malformed');
    expect(unknownType.data).toEqual({ path: 'command.type' });
    const noNow = given([])
      .when({ type: 'ApprovePolicyRevision', revisionId: 'r1', actor: boss } as PolicyCommand)
      .thenRejects('P-2', 'command.malformed');
    expect(noNow.data).toEqual({ path: 'command.now' });
    const both = given([])
      .when(propose({ parameters: DEFAULT_PARAMETERS } as never))
      .thenRejects('P-2', 'command.malformed');
    expect(both.data).toEqual({ path: 'command.parameters' });
  });
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

describe('P-2: arbitrary JSON is refused, never thrown (the laws every decider keeps)', () => {
  const laws = malformedInputLaws(
    (c) => policyDecider.decide(c as PolicyCommand, initialPolicyState),
    commandArb as unknown as fc.Arbitrary<Record<string, unknown>>,
  );
  it('P-2: anything at all is refused as command.malformed', () => fc.assert(laws.anything));
  it('P-2: a valid command with one field replaced by anything is decided, never thrown', () =>
    fc.assert(laws.oneFieldReplaced));
});
