import type { Decider } from '../decider/decider.js';
import { commandBase, malformedCommand, object, oneOf } from '../input/index.js';
import { fail, ok, reject, type Result } from '../rejection/index.js';
import { hasRole, type Actor } from './actor.js';
import { checkPerson, type Person } from './person.js';

/** Add a person to the directory, or update one: the room admin keeps the directory. */
export interface RegisterPerson {
  readonly type: 'RegisterPerson';
  readonly now: number;
  readonly actor: Actor;
  readonly person: Person;
}

/** Every command of the people directory (one, for now). */
export type DirectoryCommand = RegisterPerson;

/** A person was added to the directory or their entry changed. Stream `person:<id>`. */
export interface PersonRegistered {
  readonly type: 'PersonRegistered';
  readonly personId: string;
  readonly person: Person;
}

/** The directory: people by id, in the order they were first registered. */
export interface DirectoryState {
  readonly people: ReadonlyMap<string, Person>;
}

const shape = object({ type: oneOf(['RegisterPerson']), ...commandBase, person: checkPerson });

/**
 * Reads a directory command from outside (arbitrary JSON): the typed command, or a
 * `command.malformed` rejection naming the field. Never throws.
 *
 * @param input - anything
 * @returns the command or why it is malformed
 * @example
 * parseDirectoryCommand({ type: 'RegisterPerson' }).ok // => false
 */
export function parseDirectoryCommand(input: unknown): Result<DirectoryCommand> {
  const r = shape(input, 'command');
  return r.ok ? ok(r.value) : fail(malformedCommand('K-2', r.path, r.expected));
}

/** The people directory's decider: a {@link Decider} of {@link DirectoryCommand}s. */
export type DirectoryDecider = Decider<DirectoryCommand, DirectoryState, PersonRegistered>;

/**
 * The directory's decider: `RegisterPerson` by the room admin; the same entry again decides to
 * nothing. A value that is not a well-formed command is rejected, never thrown.
 *
 * @example
 * directoryDecider.decide({ type: 'RegisterPerson', now, actor: admin, person }, directoryDecider.initialState)
 * // => { ok: true, value: [{ type: 'PersonRegistered', personId: person.id, person }] }
 */
export const directoryDecider: DirectoryDecider = {
  initialState: { people: new Map() },
  decide(command: DirectoryCommand, state: DirectoryState): Result<PersonRegistered[]> {
    const r = parseDirectoryCommand(command);
    if (!r.ok) return r;
    const c = r.value;
    if (!hasRole(c.actor, 'room-admin')) {
      return fail(
        reject('K-4', 'permission.room-admin', {
          'zh-CN': '只有行政部门（会议室管理员）可以维护人员名录',
          en: 'only the room admin may keep the directory',
        }),
      );
    }
    const existing = state.people.get(c.person.id);
    if (existing && JSON.stringify(existing) === JSON.stringify(c.person)) return ok([]);
    return ok([{ type: 'PersonRegistered', personId: c.person.id, person: c.person }]);
  },
  evolve(state: DirectoryState, e: PersonRegistered): DirectoryState {
    const people = new Map(state.people);
    people.set(e.personId, e.person);
    return { people };
  },
};
