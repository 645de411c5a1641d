import { describe, expect, it } from 'vitest';
import { startOfLocalDay, toInstant } from '../time/zone.js';
import { admin, at, given, kiosk, play, siteLog, wang } from './fixtures.test-helpers.js';
import { overdueCleanings, overdueFrom } from './overdue.js';
import { openCleaningProblems } from './upkeep-queries.js';
import { foldUpkeepEvents, initialUpkeepState, roomUpkeep } from './upkeep-state.js';

const state = (log = siteLog) => foldUpkeepEvents(initialUpkeepState, log);
const clean = (over: Record<string, unknown> = {}) => ({
  type: 'RecordCleaning',
  now: at(15),
  actor: admin,
  roomId: 'A',
  ...over,
});
const problem = (over: Record<string, unknown> = {}) => ({
  type: 'ReportCleaningProblem',
  now: at(10),
  actor: kiosk,
  roomId: 'A',
  problemId: 'p1',
  note: '地毯有咖啡渍',
  ...over,
});
const resolve = (over: Record<string, unknown> = {}) => ({
  type: 'ResolveCleaningProblem',
  now: at(16),
  actor: admin,
  roomId: 'A',
  problemId: 'p1',
  ...over,
});
/** Tuesday 1 December 09:00, Wednesday 2 and Thursday 3 December 00:00, in Shanghai. */
const tuesdayAt9 = toInstant(
  { year: 2026, month: 12, day: 1, hour: 9, minute: 0 },
  'Asia/Shanghai',
);
const wednesday = startOfLocalDay({ year: 2026, month: 12, day: 2 }, 'Asia/Shanghai');
const thursday = startOfLocalDay({ year: 2026, month: 12, day: 3 }, 'Asia/Shanghai');

describe('R-9: cleaning', () => {
  it('R-9: the room admin records a cleaning; anyone else or an unknown room is refused', () => {
    expect(
      given(siteLog)
        .when(clean({ note: '已拖地' }))
        .thenAccepted(),
    ).toEqual([{ type: 'RoomCleaned', roomId: 'A', by: 'admin', at: at(15), note: '已拖地' }]);
    expect(
      given(siteLog)
        .when(clean({ actor: wang }))
        .thenRefused(),
    ).toMatchObject({
      rule: 'R-9',
      code: 'permission.room-admin',
    });
    expect(
      given(siteLog)
        .when(clean({ roomId: 'Z' }))
        .thenRefused().code,
    ).toBe('room.unknown');
  });

  it('R-9: never cleaned is overdue; cleaned daily, it is overdue from the start of the day after next', () => {
    const log = play(siteLog, clean());
    const s = state(log);
    expect(overdueCleanings(s, at(16)).map((o) => o.roomId)).toEqual(['B', 'C', 'D']);
    // Cleaned Monday 30 Nov 15:00: any time on Tuesday will do; overdue from Wednesday 00:00.
    expect(overdueCleanings(s, wednesday - 1, undefined, 'A')).toEqual([]);
    expect(overdueCleanings(s, wednesday, undefined, 'A')).toEqual([
      { roomId: 'A', lastCleanedAt: at(15), overdueSince: wednesday },
    ]);
    expect(overdueFrom(at(15), 1, 'Asia/Shanghai')).toBe(wednesday);
    // Cleaned again on Tuesday: fine until Thursday.
    const tuesday = play(log, clean({ now: tuesdayAt9 }));
    expect(overdueCleanings(state(tuesday), wednesday, undefined, 'A')).toEqual([]);
    expect(overdueCleanings(state(tuesday), thursday, undefined, 'A')).toHaveLength(1);
  });

  it('R-9: the latest cleaning counts, whatever order a kiosk synchronised them in', () => {
    const log = play(siteLog, clean({ now: tuesdayAt9 }), clean());
    expect(overdueCleanings(state(log), wednesday, undefined, 'A')).toEqual([]);
  });

  it('R-9: a repeated cleaning decides to no events', () => {
    const log = play(siteLog, clean());
    given(log).when(clean()).thenNothingHappened();
    expect(roomUpkeep(state(log), 'A').cleanings).toHaveLength(1);
  });
});

describe('R-9: problems reported like faults', () => {
  it('R-9: anyone reports a problem; it is open until the room admin resolves it', () => {
    const log = play(siteLog, problem());
    expect(log.at(-1)).toEqual({
      type: 'CleaningProblemReported',
      roomId: 'A',
      problemId: 'p1',
      note: '地毯有咖啡渍',
      reportedBy: 'zhao',
      at: at(10),
    });
    expect(openCleaningProblems(state(log))).toEqual([
      { roomId: 'A', problemId: 'p1', note: '地毯有咖啡渍', reportedBy: 'zhao', at: at(10) },
    ]);
    expect(
      given(log)
        .when(resolve({ actor: wang }))
        .thenRefused().code,
    ).toBe('permission.room-admin');
    const resolved = play(log, resolve({ note: '已清洗' }));
    expect(openCleaningProblems(state(resolved))).toEqual([]);
    expect(roomUpkeep(state(resolved), 'A').problems.get('p1')?.resolved).toEqual({
      by: 'admin',
      at: at(16),
      note: '已清洗',
    });
  });

  it('R-9: repeated commands decide to nothing; a reused id or an unknown problem is refused', () => {
    const log = play(siteLog, problem(), problem({ roomId: 'C', problemId: 'p2', now: at(9) }));
    expect(openCleaningProblems(state(log)).map((p) => p.problemId)).toEqual(['p2', 'p1']);
    expect(openCleaningProblems(state(log), 'C').map((p) => p.problemId)).toEqual(['p2']);
    given(log).when(problem()).thenNothingHappened();
    expect(
      given(log)
        .when(problem({ note: '别的' }))
        .thenRefused().code,
    ).toBe('cleaning-problem.exists');
    expect(
      given(log)
        .when(problem({ roomId: 'B' }))
        .thenRefused().code,
    ).toBe('cleaning-problem.exists');
    expect(
      given(log)
        .when(problem({ roomId: 'Z' }))
        .thenRefused().code,
    ).toBe('room.unknown');
    expect(
      given(log)
        .when(resolve({ problemId: 'p9' }))
        .thenRefused().code,
    ).toBe('cleaning-problem.unknown');
    expect(
      given(log)
        .when(resolve({ roomId: 'Z' }))
        .thenRefused().code,
    ).toBe('room.unknown');
    const resolved = play(log, resolve());
    expect(given(resolved).when(resolve({ now: at(17) })).result).toEqual({
      ok: true,
      value: [],
    });
  });
});
