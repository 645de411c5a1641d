// S-3 at the hub: a door's command is decided with the roles the hub's directory gives the person it
// names, never with the roles the command claims; so a door cannot make anyone the room admin for R-3.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Hub } from './hub.js';
import type { PushReply } from './hub-types.js';
import { backends } from './testing/backends.test-helpers.js';
import { hubPerTest } from './testing/hub-per-test.test-helpers.js';
import { ADMIN, at, book, door, register, room, system } from './testing/fixtures.test-helpers.js';

const all = await backends('directory-actor.test.ts');

const person = (id: string, roles: string[]) => ({
  type: 'RegisterPerson',
  now: at(7),
  actor: { id: 'p-zhou', roles: ['room-admin'] },
  person: { id, name: id, department: '售后服务部', employeeNumber: id, roles },
});

const cancel = (actor: { id: string; roles: string[] }) => ({
  type: 'CancelBooking',
  now: at(9),
  actor,
  roomId: 'A',
  bookingId: 'b1',
  reason: '取消',
});

/** A door's booking request on behalf of p-wang: only the room admin books for someone else. */
const bookForWang = (actor: { id: string; roles: string[] }) =>
  book('b2', 'A', at(16), at(17), { actor, organizerId: 'p-wang' });

const outcome = (r: PushReply) => {
  if (!r.ok) throw new Error(`push refused: ${r.rejection.code}`);
  const o = r.results[0];
  return { status: o?.status, rule: o?.status === 'refused' ? o.rejection.rule : undefined };
};

describe.each(all)('the actor of a command at the hub on $name', (backend) => {
  let hub: Hub;
  let n = 0;
  const push = async (principal: Parameters<Hub['push']>[0], command: unknown) =>
    outcome(
      await hub.push(principal, {
        clientId: `c-${++n}`,
        clientClock: at(9),
        mutations: [{ id: 1, command: command as Record<string, unknown> }],
      }),
    );
  hubPerTest(backend, { clock: () => at(9) }, (h) => (hub = h));
  // The directory and a booking, in each test's new hub.
  beforeEach(async () => {
    for (const c of [
      register(room('A')),
      person('p-zhou', ['room-admin']),
      person('p-wang', ['organizer']),
      person('p-zhao', []),
      book('b1', 'A', at(14), at(15), { actor: { id: 'p-wang', roles: ['organizer'] } }),
    ])
      expect(await push(ADMIN, c)).toEqual({ status: 'applied', rule: undefined });
  });

  it("S-3, R-3: a door's command claiming roomAdmin for a person without that role is decided with the directory's roles: refused", async () => {
    expect(await push(door('A'), bookForWang({ id: 'p-zhao', roles: ['room-admin'] }))).toEqual({
      status: 'refused',
      rule: 'R-3',
    });
    // An act key is held to the directory the same way.
    expect(
      await push(system(['act']), cancel({ id: 'p-zhao', roles: ['room-admin', 'leadership'] })),
    ).toEqual({ status: 'refused', rule: 'R-3' });
    // A person the directory does not know holds no role either.
    expect(await push(door('A'), bookForWang({ id: 'kiosk-A', roles: ['room-admin'] }))).toEqual({
      status: 'refused',
      rule: 'R-3',
    });
  });

  it('S-3, R-3: the same command by the real room admin works at the door, whatever roles it claims', async () => {
    expect(await push(door('A'), bookForWang({ id: 'p-zhou', roles: [] }))).toEqual({
      status: 'applied',
      rule: undefined,
    });
  });

  it("S-3: the hub's administrator and an admin key name the actor as they will", async () => {
    expect(
      await push(system(['admin', 'act']), cancel({ id: 'p-zhao', roles: ['room-admin'] })),
    ).toEqual({
      status: 'applied',
      rule: undefined,
    });
  });
});
