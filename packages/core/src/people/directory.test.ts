import { describe, expect, it } from 'vitest';
import { fc } from '@fast-check/vitest';
import { untyped } from '../testing/untyped.js';
import { givenWhenThen } from '../testing/given-when-then.js';
import { malformedInputLaws } from '../testing/malformed-input.js';
import { directoryDecider } from './directory.js';
import type { Person } from './person.js';

const given = givenWhenThen(untyped(directoryDecider));
const admin = { id: 'admin', roles: ['room-admin'] };
const wang: Person = {
  id: 'p1',
  name: '王伟',
  department: '售后服务部',
  employeeNumber: 'S001',
  roles: ['organizer'],
};
const register = (now: number, person: Person = wang, actor = admin) => ({
  type: 'RegisterPerson',
  now,
  actor,
  person,
});

describe('the directory', () => {
  it('K-4: the room admin registers people; a repeat changes nothing; others may not', () => {
    const log = given([])
      .when(register(0))
      .then([{ type: 'PersonRegistered', personId: 'p1', person: wang }]);
    given(log).when(register(1)).thenNothingHappened();
    expect(
      given(log)
        .when(register(1, { ...wang, department: '配件部' }))
        .thenAccepted(),
    ).toMatchObject([{ person: { department: '配件部' } }]);
    given([])
      .when(register(0, wang, { id: 'p1', roles: [] }))
      .thenRejects('K-4', 'permission.room-admin');
    expect(given(log).state.people.get('p1')?.name).toBe('王伟');
  });
});

describe('K-4: arbitrary JSON is refused as command.malformed, never thrown', () => {
  const laws = malformedInputLaws(
    (c) => untyped(directoryDecider).decide(c, directoryDecider.initialState),
    fc.record({
      type: fc.constant('RegisterPerson'),
      now: fc.integer({ min: 0, max: 2 ** 40 }),
      actor: fc.constant(admin),
      person: fc.constant(wang),
    }),
  );
  it('K-4: anything at all is refused as command.malformed', () => fc.assert(laws.anything));
  it('K-4: a valid command with one field replaced by anything is decided, never thrown', () =>
    fc.assert(laws.oneFieldReplaced));
});
