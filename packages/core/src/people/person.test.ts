import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { checkPerson, findPeople, type Person } from './person.js';

const people: Person[] = [
  {
    id: 'p1',
    name: '王伟',
    department: '售后服务部',
    employeeNumber: 'S001',
    roles: ['organizer'],
  },
  { id: 'p2', name: '李娜', department: '售后服务部', employeeNumber: 'S002', roles: [] },
  { id: 'p3', name: '小王', department: '配件部', employeeNumber: 'P010', roles: [] },
  { id: 'p4', name: '王', department: '行政部', employeeNumber: 'A001', roles: ['room-admin'] },
];

describe('the directory', () => {
  it('K-2: finds a person by name or employee number, best matches first', () => {
    expect(findPeople(people, '王').map((p) => p.id)).toEqual(['p4', 'p1', 'p3']);
    expect(findPeople(people, ' s00 ').map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(findPeople(people, 'p010').map((p) => p.id)).toEqual(['p3']);
    expect(findPeople(people, '张')).toEqual([]);
    expect(findPeople(people, '', 2)).toHaveLength(2);
  });

  it('checks people from outside and names the bad field', () => {
    expect(
      checkPerson({ id: 'p9', name: '赵敏', department: '前台', employeeNumber: 'F001' }),
    ).toEqual({
      ok: true,
      value: { id: 'p9', name: '赵敏', department: '前台', employeeNumber: 'F001', roles: [] },
    });
    expect(
      checkPerson({ id: 'p9', name: '', department: '前台', employeeNumber: 'F001' }),
    ).toMatchObject({ ok: false, path: 'person.name' });
    expect(
      checkPerson({
        id: 'p9',
        name: '赵敏',
        department: '前台',
        employeeNumber: 'F001',
        roles: ['king'],
      }),
    ).toMatchObject({
      ok: false,
      path: 'person.roles[0]',
    });
  });

  test.prop([fc.anything()])('never throws on anything', (v) => {
    expect(typeof checkPerson(v).ok).toBe('boolean');
  });

  test.prop([fc.string({ maxLength: 3 })])('every person found matches the query', (q) => {
    for (const p of findPeople(people, q)) {
      const s = q.trim().toLowerCase();
      expect(p.name.toLowerCase().includes(s) || p.employeeNumber.toLowerCase().startsWith(s)).toBe(
        true,
      );
    }
  });
});
