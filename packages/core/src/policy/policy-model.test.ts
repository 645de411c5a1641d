import { expect } from 'vitest';
import { test, fc } from '@fast-check/vitest';
import { hasRole, type Actor } from '../people/actor.js';
import { HOUR } from '../time/instant.js';
import { actorArb } from '../testing/policy-arbitraries.js';
import { DEFAULT_PARAMETERS } from './default-parameters.js';
import { policyAt } from './policy-at.js';
import type { PolicyCommand } from './policy-commands.js';
import { policyDecider } from './policy-decider.js';
import { BEGINNING_OF_TIME, type PolicyState } from './policy-state.js';

/** The model: each revision's status, proposer and content, and each version's start and value. */
interface Model {
  revisions: Map<string, { status: string; by: string; effectiveFrom: number; idle: number }>;
  versions: { start: number; idle: number }[];
}
interface Real {
  state: PolicyState;
}

const T0 = Date.UTC(2026, 0, 5, 1);
const nowArb = fc.integer({ min: T0, max: T0 + 500 * HOUR });
const idArb = fc.constantFrom('r1', 'r2', 'r3');

/** Decides on the real state, checks the outcome against the model's, and evolves. */
function decide(real: Real, command: PolicyCommand, expected: number | 'rejected'): void {
  const r = policyDecider.decide(command, real.state);
  if (expected === 'rejected') {
    expect(r.ok).toBe(false);
    return;
  }
  expect(r.ok && r.value.length).toBe(expected);
  if (r.ok) real.state = r.value.reduce(policyDecider.evolve, real.state);
}

function idleAt(m: Model, t: number): number {
  let idle = DEFAULT_PARAMETERS.kiosk.idleReturnSeconds;
  for (const v of m.versions) if (v.start <= t) idle = v.idle;
  return idle;
}

abstract class Step implements fc.Command<Model, Real> {
  constructor(
    readonly revisionId: string,
    readonly actor: Actor,
    readonly now: number,
    readonly probe: number,
  ) {}
  check(): boolean {
    return true;
  }
  abstract expected(m: Model): number | 'rejected';
  abstract command(): PolicyCommand;
  abstract apply(m: Model): void;
  run(m: Model, real: Real): void {
    const expected = this.expected(m);
    decide(real, this.command(), expected);
    if (expected === 1) this.apply(m);
    const v = policyAt(real.state, this.probe);
    expect(v.parameters.kiosk.idleReturnSeconds).toBe(idleAt(m, this.probe));
  }
  toString(): string {
    return `${this.constructor.name}(${this.revisionId}, ${this.actor.id}[${this.actor.roles.join(',')}], ${this.now})`;
  }
}

class Propose extends Step {
  constructor(
    id: string,
    actor: Actor,
    now: number,
    probe: number,
    readonly effectiveFrom: number,
    readonly idle: number,
  ) {
    super(id, actor, now, probe);
  }
  expected(m: Model): number | 'rejected' {
    const r = m.revisions.get(this.revisionId);
    if (r === undefined) return 1;
    const same =
      r.by === this.actor.id && r.effectiveFrom === this.effectiveFrom && r.idle === this.idle;
    return same ? 0 : 'rejected';
  }
  command(): PolicyCommand {
    return {
      type: 'ProposePolicyRevision',
      revisionId: this.revisionId,
      effectiveFrom: this.effectiveFrom,
      summary: 'idle',
      patch: { kiosk: { idleReturnSeconds: this.idle } },
      now: this.now,
      actor: this.actor,
    };
  }
  apply(m: Model): void {
    const { effectiveFrom, idle } = this;
    m.revisions.set(this.revisionId, {
      status: 'proposed',
      by: this.actor.id,
      effectiveFrom,
      idle,
    });
  }
}

class Approve extends Step {
  expected(m: Model): number | 'rejected' {
    const r = m.revisions.get(this.revisionId);
    if (r === undefined || !hasRole(this.actor, 'leadership') || r.status === 'withdrawn')
      return 'rejected';
    return r.status === 'proposed' ? 1 : 0;
  }
  command(): PolicyCommand {
    return {
      type: 'ApprovePolicyRevision',
      revisionId: this.revisionId,
      now: this.now,
      actor: this.actor,
    };
  }
  apply(m: Model): void {
    const r = m.revisions.get(this.revisionId);
    if (r !== undefined) r.status = 'approved';
  }
}

class Announce extends Step {
  expected(m: Model): number | 'rejected' {
    const r = m.revisions.get(this.revisionId);
    const may = hasRole(this.actor, 'room-admin') || hasRole(this.actor, 'leadership');
    if (r === undefined || !may) return 'rejected';
    if (r.status === 'announced') return 0;
    return r.status === 'approved' ? 1 : 'rejected';
  }
  command(): PolicyCommand {
    return {
      type: 'AnnouncePolicyRevision',
      revisionId: this.revisionId,
      now: this.now,
      actor: this.actor,
    };
  }
  apply(m: Model): void {
    const r = m.revisions.get(this.revisionId);
    if (r === undefined) return;
    r.status = 'announced';
    const last = m.versions.at(-1)?.start ?? BEGINNING_OF_TIME;
    m.versions.push({ start: Math.max(last, r.effectiveFrom, this.now), idle: r.idle });
  }
}

class Withdraw extends Step {
  expected(m: Model): number | 'rejected' {
    const r = m.revisions.get(this.revisionId);
    if (r === undefined) return 'rejected';
    const may =
      this.actor.id === r.by ||
      hasRole(this.actor, 'room-admin') ||
      hasRole(this.actor, 'leadership');
    if (!may || r.status === 'announced') return 'rejected';
    return r.status === 'withdrawn' ? 0 : 1;
  }
  command(): PolicyCommand {
    return {
      type: 'WithdrawPolicyRevision',
      revisionId: this.revisionId,
      now: this.now,
      actor: this.actor,
    };
  }
  apply(m: Model): void {
    const r = m.revisions.get(this.revisionId);
    if (r !== undefined) r.status = 'withdrawn';
  }
}

const base = fc.tuple(idArb, actorArb, nowArb, nowArb);
const commands = fc.commands<Model, Real>(
  [
    fc
      .tuple(
        base,
        fc.integer({ min: T0 - 100 * HOUR, max: T0 + 600 * HOUR }),
        fc.constantFrom(30, 90, 120),
      )
      .map(([[id, a, n, p], eff, idle]) => new Propose(id, a, n, p, eff, idle)),
    base.map(([id, a, n, p]) => new Approve(id, a, n, p)),
    base.map(([id, a, n, p]) => new Announce(id, a, n, p)),
    base.map(([id, a, n, p]) => new Withdraw(id, a, n, p)),
  ],
  { maxCommands: 40 },
);

test.prop([commands], { numRuns: 200 })(
  'P-1, P-2: the decider agrees with a simple model over any run of propose / approve / announce / withdraw',
  (cmds) => {
    fc.modelRun(
      () => ({
        model: { revisions: new Map(), versions: [] },
        real: { state: policyDecider.initialState },
      }),
      cmds,
    );
  },
);
