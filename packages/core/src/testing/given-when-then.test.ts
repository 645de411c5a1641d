import { describe, expect, it } from 'vitest';
import { directoryDecider } from '../people/directory.js';
import { givenWhenThen } from './given-when-then.js';
import { untyped } from './untyped.js';

const given = givenWhenThen(untyped(directoryDecider));
const admin = { id: 'admin', roles: ['room-admin'] };
const wang = {
  id: 'p1',
  name: '王伟',
  department: '售后服务部',
  employeeNumber: 'S001',
  roles: [],
};
const register = { type: 'RegisterPerson', now: 0, actor: admin, person: wang };
const registered = { type: 'PersonRegistered', personId: 'p1', person: wang } as const;

describe('given/when/then', () => {
  it('then: passes on exactly the events decided, and fails on others', () => {
    expect(given([]).when(register).then([registered])).toEqual([registered]);
    expect(() => given([]).when(register).then([])).toThrow(/the events/);
    expect(() => given([]).when({ type: 'Nope' }).then([])).toThrow(/accepted, not K-2/);
  });

  it('thenNothingHappened: passes on a repeat only', () => {
    given([registered]).when(register).thenNothingHappened();
    expect(() => given([]).when(register).thenNothingHappened()).toThrow(/none/);
  });

  it('thenRejects: passes on the rule and code, returns the rejection, fails on any other', () => {
    const clerk = { ...register, actor: { id: 'p2', roles: [] } };
    expect(given([]).when(clerk).thenRejects('K-4', 'permission.room-admin').data).toEqual({});
    expect(() => given([]).when(clerk).thenRejects('K-4', 'permission.other')).toThrow(
      /rule and code/,
    );
    expect(() => given([]).when(register).thenRejects('K-4', 'permission.room-admin')).toThrow(
      /refused/,
    );
  });

  it('thenAccepted: returns the events of an accepted command, fails on a refusal', () => {
    expect(given([]).when(register).thenAccepted()).toEqual([registered]);
    expect(() => given([]).when({ type: 'Nope' }).thenAccepted()).toThrow(/accepted/);
    expect(given([registered]).state.people.get('p1')?.name).toBe('王伟');
  });
});
