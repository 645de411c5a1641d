// INTERIM, to be replaced by the real engine (packages/hub/src/engine) the moment it lands: an
// in-memory stand-in with the engine's surface, so the HTTP layer can be exercised meanwhile.
// Nothing is called done on it.
import type { StoredEvent } from '@huiyi/core';
import type {
  Committed,
  HubEngine,
  MutationResult,
  Principal,
  PushRequest,
} from '../src/http/engine.js';
import type { TestDatabase } from './databases.js';

export function interimEngine(t: TestDatabase): HubEngine {
  const events: StoredEvent[] = [];
  const counters = new Map<string, number>();
  const listeners = new Set<(c: Committed) => void>();
  const roomOf = (c: Record<string, unknown>) =>
    typeof c['roomId'] === 'string' ? c['roomId'] : '';
  return {
    db: t.db,
    listen: t.listen,
    async push(p: Principal, req: PushRequest) {
      const results: MutationResult[] = [];
      const key = `${p.kind === 'door' ? p.deviceId : p.kind === 'system' ? p.keyId : 'admin'}/${req.clientId}`;
      for (const m of req.mutations) {
        const last = counters.get(key) ?? 0;
        if (m.id <= last) {
          results.push({ id: m.id, status: 'duplicate' });
          continue;
        }
        if (m.id > last + 1) {
          results.push({ id: m.id, status: 'waiting' });
          continue;
        }
        counters.set(key, m.id);
        const room = roomOf(m.command);
        if (p.kind === 'door' && room !== p.roomId) {
          results.push({
            id: m.id,
            status: 'refused',
            rejection: {
              kind: 'rejection',
              rule: 'S-3',
              code: 'auth.room',
              data: { roomId: room },
              message: { 'zh-CN': '不是本会议室', en: "not this door's room" },
            },
          });
          continue;
        }
        const e: StoredEvent = {
          id: `e${events.length + 1}`,
          stream: `room:${room}`,
          type: String(m.command['type']),
          data: { ...m.command, type: String(m.command['type']) },
          now: Number(m.command['now'] ?? 0),
          who: 'x',
          device: 'y',
          position: events.length + 1,
        };
        events.push(e);
        results.push({ id: m.id, status: 'applied', events: [e] });
        for (const l of listeners) l({ rooms: [room], everyone: false });
      }
      return {
        lastMutationId: counters.get(key) ?? 0,
        hubTime: Date.now(),
        clock: { skewMs: Date.now() - req.clientClock, status: 'ok' },
        results,
      };
    },
    async pull(p, req) {
      const after = req.cursor === undefined ? 0 : Number(req.cursor);
      if (!Number.isInteger(after)) {
        return {
          refused: {
            status: 409,
            code: 'sync.reset',
            rule: 'S-5',
            message: { 'zh-CN': '请重新同步', en: 'pull again from scratch' },
          },
        };
      }
      const mine = events.filter(
        (e) => e.position > after && (p.kind !== 'door' || e.stream === `room:${p.roomId}`),
      );
      const page = mine.slice(0, req.limit ?? 500);
      return {
        cursor: String(page.at(-1)?.position ?? after),
        events: page,
        hasMore: page.length < mine.length,
        lastMutationIds: {},
        refusals: [],
        hubTime: Date.now(),
      };
    },
    async feed(req) {
      const after = Number(req.after ?? 0);
      const page = events.filter((e) => e.position > after).slice(0, req.limit ?? 500);
      return {
        events: page,
        checkpoint: String(page.at(-1)?.position ?? after),
        hasMore: false,
      };
    },
    onCommitted(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    async rooms() {
      return [
        { id: 'A', name: '一号会议室' },
        { id: 'B', name: '大会议室' },
      ];
    },
    async close() {},
  };
}
