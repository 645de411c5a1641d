// A hub process for the fault tests: opens the built hub on DATABASE_URL and pushes mutations
// FROM..TO of client CLIENT (default `loop`), one a push, printing `ack <id> <status>` after each reply.
import { openHub } from '@huiyi/hub';

const url = process.env.DATABASE_URL;
const from = Number(process.env.FROM ?? 1);
const to = Number(process.env.TO ?? 100);
const T0 = Number(process.env.T0);
const client = process.env.CLIENT ?? 'loop';
const hub = await openHub({ databaseUrl: url, clock: () => T0, poolSize: 4 });
const wang = { id: 'p-wang', roles: ['organizer'] };
for (let id = from; id <= to; id++) {
  const start = T0 + 3_600_000 + Math.floor((id - 1) / 4) * 1_800_000;
  const command = {
    type: 'RequestBooking',
    now: T0,
    actor: wang,
    bookingId: `${client}-${id}`,
    roomId: `K${(id - 1) % 4}`,
    topic: '售后例会',
    headcount: 4,
    start,
    end: start + 1_800_000,
  };
  const r = await hub.push(
    { kind: 'admin' },
    { clientId: client, clientClock: T0, mutations: [{ id, command }] },
  );
  if (!r.ok) throw new Error(r.rejection.code);
  process.stdout.write(`ack ${id} ${r.results[0]?.status}\n`);
}
await hub.close();
