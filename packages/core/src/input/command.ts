import { isActor, type Actor } from '../people/actor.js';
import {
  fail,
  notAtDoor,
  ok,
  reject,
  takenAtDoor,
  type DoorCommandType,
  type Message,
  type Rejection,
  type Result,
  type RuleId,
} from '../rejection/index.js';
import { instant, type Check } from './check.js';

/**
 * Checks who issues a command: a well-formed actor, copied fresh.
 *
 * @param v - anything
 * @param path - where it sits
 * @returns the actor, or where and what was expected
 * @example
 * actorCheck({ id: 'li', roles: ['chair'] }, 'command.actor').ok // => true
 */
export const actorCheck: Check<Actor> = (v, path) =>
  isActor(v)
    ? { ok: true, value: { id: v.id, roles: [...v.roles] } }
    : {
        ok: false,
        path,
        expected: { 'zh-CN': '操作人（编号和角色）', en: 'an actor (id and roles)' },
      };

/** What every command carries (T-4): when it is asked, and who asks. Spread it into a shape. */
export const commandBase = { now: instant(), actor: actorCheck };

/**
 * The rejection of a command that is not well formed: which field, and what it should be.
 *
 * @param rule - the rule the command answers to
 * @param path - the field, as `command.start`
 * @param expected - what it should be, in both languages
 * @returns the rejection, code `command.malformed`
 * @example
 * malformedCommand('R-2', 'command.start', { 'zh-CN': '时刻', en: 'an instant' }).code // => 'command.malformed'
 */
export function malformedCommand(
  rule: RuleId,
  path: string,
  expected: Message,
): Rejection<'command.malformed', { readonly path: string }> {
  return reject(
    rule,
    'command.malformed',
    {
      'zh-CN': `指令无效：${path} 应为${expected['zh-CN']}`,
      en: `malformed command: ${path} must be ${expected.en}`,
    },
    { path },
  );
}

/**
 * Reads a command of a context from outside (arbitrary JSON): its `type` picks the shape, the shape
 * checks every field. Never throws.
 *
 * @param shapes - the context's command shapes, by type
 * @param rules - the rule each command type answers to, for its rejection
 * @param fallback - the rule for an input with no known `type`
 * @param input - anything
 * @returns the typed command, or a `command.malformed` rejection naming the field
 * @example
 * parseCommand(BOOKING_COMMAND_SHAPES, COMMAND_RULE, 'R-2', { type: 'Nope' }).ok // => false
 */
export function parseCommand<C>(
  shapes: Readonly<Record<string, Check<unknown>>>,
  rules: Readonly<Record<string, RuleId>>,
  fallback: RuleId,
  input: unknown,
): Result<C> {
  const type =
    typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(shapes, type)) {
    const types = Object.keys(shapes);
    return fail(
      malformedCommand(fallback, 'command.type', {
        'zh-CN': `以下之一：${types.join('、')}`,
        en: `one of: ${types.join(', ')}`,
      }),
    );
  }
  const r = (shapes[type] as Check<unknown>)(input, 'command');
  return r.ok
    ? ok(r.value as C)
    : fail(malformedCommand(rules[type] ?? fallback, r.path, r.expected));
}

/**
 * Reads a command of a context from outside for a door kiosk (K-2): a command of the context that
 * a door does not take ({@link takenAtDoor}) is refused as `door.not-taken`, naming it, before its
 * shape is read; the rest as {@link parseCommand} reads them, with the shapes of the door's commands
 * alone, so that the other shapes stay out of a bundle that parses only at the door. Never throws.
 *
 * @param doorShapes - the shapes of the context's commands a door takes, by type: each of them
 * @param rules - the rule each command type of the context answers to: every type it knows
 * @param fallback - the rule for an input with no known `type`
 * @param input - anything
 * @returns the typed command, `door.not-taken`, or `command.malformed` naming the field
 * @example
 * parseDoorCommandOf(DOOR_BOOKING_COMMAND_SHAPES, COMMAND_RULE, 'R-2', { type: 'CancelBooking' }) // => { ok: false, rejection: { rule: 'K-2', code: 'door.not-taken', … } }
 */
export function parseDoorCommandOf<C extends { readonly type: string }>(
  doorShapes: Readonly<Record<Extract<DoorCommandType, C['type']>, Check<unknown>>>,
  rules: Readonly<Record<C['type'], RuleId>>,
  fallback: RuleId,
  input: unknown,
): Result<C> {
  const type =
    typeof input === 'object' && input !== null ? (input as { type?: unknown }).type : undefined;
  if (typeof type === 'string' && Object.hasOwn(rules, type) && !takenAtDoor(type)) {
    return fail(notAtDoor(type));
  }
  return parseCommand<C>(doorShapes, rules, fallback, input);
}
