import { describe, expect, it } from 'vitest';
import { untyped } from '../testing/untyped.js';
import { fc, test } from '@fast-check/vitest';
import { givenFor } from '../testing/given.js';
import { directoryDecider } from './directory.js';

const given = givenFor(untyped(directoryDecider));
const admin = { id: 'admin', roles: ['room-admin'] };
const wang = {
  id: 'p1',
  name: '王伟',
  department: '售后服务部',
  employeeNumber: 'S001',
  roles: ['organizer'],
};

describe('the directory', () => {
  it('K-4: the room admin registers people; a repeat changes nothing; others may not', () => {
    const r = given([]).when({ type: 'RegisterPerson', now: 0, actor: admin, person: wang });
    expect(r).toEqual({
      ok: true,
      value: [{ type: 'PersonRegistered', personId: 'p1', person: wang }],
    });
    const log = r.ok ? r.value : [];
    expect(given(log).when({ type: 'RegisterPerson', now: 1, actor: admin, person: wang })).toEqual(
      { ok: true, value: [] },
    );
    expect(
      given(log).when({
        type: 'RegisterPerson',
        now: 1,
        actor: admin,
        person: { ...wang, department: '配件部' },
      }),
    ).toMatchObject({
      ok: true,
      value: [{ person: { department: '配件部' } }],
    });
    expect(
      given([]).when({
        type: 'RegisterPerson',
        now: 0,
        actor: { id: 'p1', roles: [] },
        person: wang,
      }),
    ).toMatchObject({
      ok: false,
      rejection: { code: 'permission.room-admin' },
    });
    expect(given(log).state.people.get('p1')?.name).toBe('王伟');
  });

  test.prop([fc.anything()])('arbitrary JSON is rejected, never thrown', (v) => {
    expect(untyped(directoryDecider).decide(v, directoryDecider.initialState).ok).toBe(false);
  });
});
