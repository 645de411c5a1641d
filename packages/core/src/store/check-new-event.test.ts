import { describe, expect, it } from 'vitest';
import { checkNewEvent, checkStoredEvent, validateBatch } from './check-new-event.js';
import { isStoreError, StoreError } from './store-error.js';
import { envelope } from './stored-event.js';

const meta = { id: 'e1', stream: 'room:A', now: 1_800_000_000_000, who: 'wang', device: 'kiosk-A' };
const event = envelope({ type: 'BookingCheckedIn', roomId: 'A', bookingId: 'b1', at: 0 }, meta);

describe('the envelope of an event: id, stream, type, data, now, who, device', () => {
  it('envelope() takes the type from the event itself', () => {
    expect(event).toEqual({ ...meta, type: 'BookingCheckedIn', data: event.data });
    expect(checkNewEvent(event)).toEqual({ ok: true, value: event });
  });

  it.each([
    ['id', { ...event, id: '' }, 'event.id'],
    ['stream', { ...event, stream: 'room A' }, 'event.stream'],
    ['stream length', { ...event, stream: 'x'.repeat(201) }, 'event.stream'],
    ['type', { ...event, type: 7 }, 'event.type'],
    ['data', { ...event, data: [] }, 'event.data'],
    ['data type', { ...event, data: { type: 'Other' } }, 'event.data.type'],
    ['now', { ...event, now: 1.5 }, 'event.now'],
    ['who', { ...event, who: undefined }, 'event.who'],
    ['device', { ...event, device: 'a b' }, 'event.device'],
    ['a stray field', { ...event, position: 3 }, 'event.position'],
  ])('refuses a bad %s, naming where', (_what, value, path) => {
    const r = checkNewEvent(value);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.path).toBe(path);
    expect(r.expected['zh-CN'].length).toBeGreaterThan(0);
  });

  it('a stored record must carry a positive integer position', () => {
    expect(checkStoredEvent({ ...event, position: 1 }).ok).toBe(true);
    expect(checkStoredEvent({ ...event, position: 0 }).ok).toBe(false);
    expect(checkStoredEvent(event).ok).toBe(false);
    expect(checkStoredEvent('garbage').ok).toBe(false);
  });

  it('validateBatch checks every event first, and names the first bad one', () => {
    expect(validateBatch([event, event])).toEqual([event, event]);
    let caught: unknown;
    try {
      validateBatch([event, { ...event, now: 'noon' }]);
    } catch (e) {
      caught = e;
    }
    expect(isStoreError(caught, 'invalid-event')).toBe(true);
    expect((caught as StoreError).data).toMatchObject({ index: 1, path: 'events[1].now' });
    expect(() => validateBatch('nope' as unknown as unknown[])).toThrow(StoreError);
  });
});
