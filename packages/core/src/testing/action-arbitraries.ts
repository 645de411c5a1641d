import fc from 'fast-check';
import type { EvaluationInput } from '../actions/evaluation.js';
import type { Actor } from '../people/actor.js';
import { DAY, MINUTE, type Instant } from '../time/instant.js';
import { instantArb } from './arbitraries.js';

/** A chair's quality score (F-6): 1 to 5. */
export const qualityArb: fc.Arbitrary<number> = fc.integer({ min: 1, max: 5 });

/**
 * What an evaluation is judged from (F-6): a due date, a completion up to 30 days either side of
 * it (exactly on the due date often), and a quality.
 */
export function evaluationInputArb(): fc.Arbitrary<EvaluationInput> {
  return fc
    .record({
      due: instantArb({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2040, 0, 1) }),
      offset: fc.oneof(
        fc.constant(0),
        fc.integer({ min: -30 * 24 * 60, max: 30 * 24 * 60 }),
        fc.constantFrom(-1, 1).map((ms) => ms / MINUTE),
      ),
      quality: qualityArb,
    })
    .map(({ due, offset, quality }) => ({
      due,
      completedAt: due + Math.round(offset * MINUTE),
      quality,
    }));
}

/** Where {@link actionCommandArb} draws its commands from. */
export interface ActionCommandArbOptions {
  /** The actions commands are about (mostly existing ones, so that they meet). */
  readonly actionIds: readonly string[];
  /** Who issues them. */
  readonly actors: readonly Actor[];
  /** When. */
  readonly now: fc.Arbitrary<Instant>;
  /** Whose ledger entries a correction names (default: the actors). */
  readonly people?: readonly string[];
  /** Per action, its owner: the owner's commands mostly come from them. */
  readonly owners?: Readonly<Record<string, Actor>>;
  /** Who mostly evaluates, cancels, answers and corrects: chairs, supervisors, leadership. */
  readonly deciders?: readonly Actor[];
}

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

/**
 * Well-formed commands of the actions decider (F-1 – F-7) other than opening, from small sets of
 * texts, so that repeated commands (double taps) happen; each mostly issued by whoever may issue
 * it, sometimes by anyone. Their outcome is left to the decider.
 *
 * @param o - the action ids, the actors, the instants, the people, the owners and deciders
 */
export function actionCommandArb(
  o: ActionCommandArbOptions,
): fc.Arbitrary<Record<string, unknown>> {
  const anyone = pick(o.actors);
  const likely = (preferred: readonly Actor[] | undefined): fc.Arbitrary<Actor> =>
    preferred === undefined || preferred.length === 0
      ? anyone
      : fc.oneof({ arbitrary: pick(preferred), weight: 4 }, { arbitrary: anyone, weight: 1 });
  const byOwner = (
    type: string,
    fields: Record<string, fc.Arbitrary<unknown>>,
    optionalFields: Record<string, fc.Arbitrary<unknown>> = {},
  ) =>
    pick(o.actionIds).chain((actionId) => {
      const owner = o.owners?.[actionId];
      return fc
        .tuple(
          fc.record({
            type: fc.constant(type),
            now: o.now,
            actor: likely(owner === undefined ? undefined : [owner]),
            actionId: fc.constant(actionId),
            ...fields,
          }),
          fc.record(optionalFields, { requiredKeys: [] }),
        )
        .map(([c, extra]) => ({ ...c, ...extra }));
    });
  const byDecider = (type: string, fields: Record<string, fc.Arbitrary<unknown>>) =>
    fc.record({
      type: fc.constant(type),
      now: o.now,
      actor: likely(o.deciders),
      actionId: pick(o.actionIds),
      ...fields,
    });
  const people = o.people ?? o.actors.map((a) => a.id);
  return fc.oneof(
    { arbitrary: byOwner('StartAction', {}), weight: 3 },
    {
      arbitrary: byOwner(
        'ReportProgress',
        { text: pick(['进行中', '已完成一半']) },
        { percent: pick([30, 60]) },
      ),
      weight: 2,
    },
    { arbitrary: byOwner('EscalateProblem', { problem: pick(['缺货', '联系不上']) }), weight: 2 },
    {
      arbitrary: byDecider('AnswerEscalation', { response: pick(['已协调', '请改期']) }),
      weight: 2,
    },
    {
      arbitrary: byOwner(
        'SubmitCompletionReport',
        { result: pick(['已完成', '已全部回访']) },
        { suggestions: fc.constant('登记备用联系方式'), problems: fc.constant('客户不在') },
      ),
      weight: 3,
    },
    { arbitrary: byDecider('EvaluateAction', { quality: qualityArb }), weight: 3 },
    { arbitrary: byDecider('CancelAction', { reason: fc.constant('不再需要') }), weight: 1 },
    {
      arbitrary: fc
        .record({
          now: o.now,
          actor: likely(o.deciders),
          personId: pick(people),
          n: fc.integer({ min: 1, max: 4 }),
          reason: pick(['评分有误', '延期经批准']),
        })
        .map(({ n, personId, ...rest }) => ({
          type: 'CorrectLedgerEntry',
          ...rest,
          personId,
          entryId: `${personId}#${n}`,
        })),
      weight: 2,
    },
    {
      arbitrary: fc.record(
        {
          type: fc.constant('ReviewActions'),
          now: o.now,
          actor: anyone,
          actionId: pick(o.actionIds),
        },
        { requiredKeys: ['type', 'now', 'actor'] },
      ),
      weight: 2,
    },
  );
}

/** Instants over three weeks from `start`, whole minutes, often on the hour. */
export function followUpInstantArb(start: Instant, days = 21): fc.Arbitrary<Instant> {
  return fc.oneof(
    fc.integer({ min: 0, max: days * 24 }).map((h) => start + h * 60 * MINUTE),
    fc.integer({ min: 0, max: (days * DAY) / MINUTE }).map((m) => start + m * MINUTE),
  );
}
