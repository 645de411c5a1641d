import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fail, ok, reject, type Result } from '../rejection/rejection.js';
import { malformedInputLaws } from './malformed-input.js';

const commands = fc.record({ type: fc.constant('Ping'), now: fc.nat() });
const malformed = fail(
  reject('K-2', 'command.malformed', { 'zh-CN': '格式不正确', en: 'malformed' }),
);

/** A decider that checks its input: a Ping with a whole `now`, nothing else. */
function careful(c: unknown): Result<unknown> {
  const p = c as { type?: unknown; now?: unknown } | null;
  if (typeof p !== 'object' || p === null || p.type !== 'Ping') return malformed;
  if (!Number.isSafeInteger(p.now)) {
    return fail(reject('K-2', 'ping.now', { 'zh-CN': '时间不正确', en: 'a bad time' }));
  }
  return ok([]);
}

const holds = <T extends [unknown]>(law: fc.IPropertyWithHooks<T>): boolean => {
  try {
    fc.assert(law, { numRuns: 200, seed: 42 });
    return true;
  } catch {
    return false;
  }
};

describe('malformedInputLaws', () => {
  it('hold for a decider that refuses what it cannot read, with its rule, in both languages', () => {
    const laws = malformedInputLaws(careful, commands);
    expect(holds(laws.anything)).toBe(true);
    expect(holds(laws.oneFieldReplaced)).toBe(true);
  });

  it('fail a decider that accepts anything', () => {
    const laws = malformedInputLaws(() => ok([]), commands);
    expect(holds(laws.anything)).toBe(false);
  });

  it('fail a decider that throws on a field it does not expect', () => {
    const laws = malformedInputLaws((c) => {
      const p = c as { now?: unknown } | null;
      if (p && typeof p === 'object' && typeof p.now !== 'number') throw new TypeError('now');
      return careful(c);
    }, commands);
    expect(holds(laws.oneFieldReplaced)).toBe(false);
  });

  it('fail a refusal without its rule or without English', () => {
    const noRule = malformedInputLaws((c) => {
      const r = careful(c);
      return r.ok || r.rejection.code === 'command.malformed'
        ? r
        : fail({ ...r.rejection, rule: 'now' as never });
    }, commands);
    expect(holds(noRule.oneFieldReplaced)).toBe(false);
    const noEnglish = malformedInputLaws((c) => {
      const r = careful(c);
      return r.ok ? r : fail({ ...r.rejection, message: { ...r.rejection.message, en: '' } });
    }, commands);
    expect(holds(noEnglish.oneFieldReplaced)).toBe(false);
    expect(holds(noEnglish.anything)).toBe(true);
  });
});
