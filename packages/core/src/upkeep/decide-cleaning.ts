import { fail } from '../rejection/index.js';
import { bookingRejections as rooms } from '../rooms/booking-rejections.js';
import { isAdmin } from '../rooms/decide-helpers.js';
import { done, type UpkeepDecision } from './decide-context.js';
import type {
  RecordCleaning,
  ReportCleaningProblem,
  ResolveCleaningProblem,
} from './upkeep-commands.js';
import { upkeepRejections as why } from './upkeep-rejections.js';
import { roomUpkeep, type UpkeepState } from './upkeep-state.js';

/**
 * A cleaning recorded by the room admin; the same cleaning tapped twice is recorded once.
 *
 * @param c - the command
 * @param state - the upkeep state
 * @returns the cleaning, or why not
 * @example
 * recordCleaning({ type: 'RecordCleaning', roomId: 'A', now, actor: admin }, state) // => { ok: true, value: [{ type: 'RoomCleaned', … }] }
 */
export function recordCleaning(c: RecordCleaning, state: UpkeepState): UpkeepDecision {
  if (!isAdmin(c.actor))
    return fail(rooms.adminOnly('R-9', { 'zh-CN': '记录保洁', en: 'record cleaning' }));
  if (!state.rooms.rooms.has(c.roomId)) return fail(rooms.unknownRoom(c.roomId));
  const last = roomUpkeep(state, c.roomId).cleanings.at(-1);
  if (last?.at === c.now && last.by === c.actor.id && last.note === c.note) return done();
  return done([
    {
      type: 'RoomCleaned',
      roomId: c.roomId,
      by: c.actor.id,
      at: c.now,
      ...(c.note === undefined ? {} : { note: c.note }),
    },
  ]);
}

/**
 * A problem found in a room, reported by anyone like a fault: open until resolved.
 *
 * @param c - the command
 * @param state - the upkeep state
 * @returns the report, or why not
 * @example
 * reportCleaningProblem({ type: 'ReportCleaningProblem', roomId: 'A', problemId: 'p1', note: '地毯有污渍', … }, state) // => { ok: true, value: [{ type: 'CleaningProblemReported', … }] }
 */
export function reportCleaningProblem(
  c: ReportCleaningProblem,
  state: UpkeepState,
): UpkeepDecision {
  if (!state.rooms.rooms.has(c.roomId)) return fail(rooms.unknownRoom(c.roomId));
  const existing = roomUpkeep(state, c.roomId).problems.get(c.problemId);
  if (existing)
    return existing.note === c.note && existing.reportedBy === c.actor.id
      ? done()
      : fail(why.problemExists(c.problemId));
  for (const [roomId, u] of state.upkeep)
    if (roomId !== c.roomId && u.problems.has(c.problemId))
      return fail(why.problemExists(c.problemId));
  return done([
    {
      type: 'CleaningProblemReported',
      roomId: c.roomId,
      problemId: c.problemId,
      note: c.note,
      reportedBy: c.actor.id,
      at: c.now,
    },
  ]);
}

/**
 * A reported problem resolved by the room admin.
 *
 * @param c - the command
 * @param state - the upkeep state
 * @returns the resolution, none when already resolved, or why not
 * @example
 * resolveCleaningProblem({ type: 'ResolveCleaningProblem', roomId: 'A', problemId: 'p1', … }, state) // => { ok: true, value: [{ type: 'CleaningProblemResolved', … }] }
 */
export function resolveCleaningProblem(
  c: ResolveCleaningProblem,
  state: UpkeepState,
): UpkeepDecision {
  if (!isAdmin(c.actor))
    return fail(rooms.adminOnly('R-9', { 'zh-CN': '确认问题已解决', en: 'resolve problems' }));
  if (!state.rooms.rooms.has(c.roomId)) return fail(rooms.unknownRoom(c.roomId));
  const p = roomUpkeep(state, c.roomId).problems.get(c.problemId);
  if (!p) return fail(why.unknownProblem(c.problemId));
  if (p.resolved) return done();
  return done([
    {
      type: 'CleaningProblemResolved',
      roomId: c.roomId,
      problemId: c.problemId,
      by: c.actor.id,
      at: c.now,
      ...(c.note === undefined ? {} : { note: c.note }),
    },
  ]);
}
