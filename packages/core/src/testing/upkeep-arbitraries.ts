import fc from 'fast-check';
import type { Actor } from '../people/actor.js';
import type { Room } from '../rooms/room.js';
import type { Instant } from '../time/instant.js';
import { EQUIPMENT_CHECK_RESULTS, type EquipmentCheckResult } from '../upkeep/upkeep-records.js';

/** What an inspection or a checklist answer found. */
export const equipmentCheckResultArb: fc.Arbitrary<EquipmentCheckResult> = fc.constantFrom(
  ...EQUIPMENT_CHECK_RESULTS,
);

/** Where the upkeep commands of {@link upkeepCommandArb} happen, and who issues them. */
export interface UpkeepCommandArbOptions {
  /** The rooms; an unknown room `Z` (and an unknown item `X`) now and then. */
  readonly rooms: readonly Room[];
  /** Booking ids the checklist and power-off name. */
  readonly bookingIds: readonly string[];
  readonly actors: readonly Actor[];
  readonly now: fc.Arbitrary<Instant>;
}

const notes = ['投影仪不亮', '无声音', '地毯有污渍', 'no signal'];

/**
 * A checklist's answers for a room: some of its items (and now and then an unknown one), each ok
 * or faulty, with or without a note.
 *
 * @param room - the room
 * @returns the answers, as JSON
 * @example
 * fc.sample(checklistAnswersArb(roomA), 1)[0] // => [{ equipmentId: 'A-proj', result: 'ok' }]
 */
export function checklistAnswersArb(room: Room): fc.Arbitrary<Record<string, unknown>[]> {
  const ids = [...room.equipment.map((e) => e.id), 'X'];
  return fc.subarray(ids).chain((chosen) =>
    fc.tuple(
      ...chosen.map((equipmentId) =>
        fc.record(
          {
            equipmentId: fc.constant(equipmentId),
            result: equipmentCheckResultArb,
            note: fc.constantFrom(...notes),
          },
          { requiredKeys: ['equipmentId', 'result'] },
        ),
      ),
    ),
  );
}

/**
 * Well-formed upkeep commands of every type, the rooms context's fault report and repair
 * included, as JSON; whether each is accepted is left to the decider.
 *
 * @param o - the rooms, booking ids, actors and instants to draw from
 * @returns the commands
 * @example
 * fc.sample(upkeepCommandArb({ rooms: [roomA], bookingIds: ['b1'], actors: [admin], now: fc.constant(t) }), 1)[0].type // => 'RecordInspection' (say)
 */
export function upkeepCommandArb(
  o: UpkeepCommandArbOptions,
): fc.Arbitrary<Record<string, unknown>> {
  const head = fc.record({ now: o.now, actor: fc.constantFrom(...o.actors) });
  const room: fc.Arbitrary<Room | undefined> = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...o.rooms) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
  const roomId = (r: Room | undefined) => r?.id ?? 'Z';
  const item = (r: Room | undefined) =>
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom('X', ...(r?.equipment.map((e) => e.id) ?? [])) },
      { weight: 1, arbitrary: fc.constant('X') },
    );
  const bookingId = fc.constantFrom(...o.bookingIds);
  const note = fc.constantFrom(...notes);
  const equipment = room.chain((r) =>
    fc.record({ roomId: fc.constant(roomId(r)), equipmentId: item(r) }),
  );
  return fc.oneof(
    fc
      .tuple(head, equipment, note)
      .map(([h, e, n]) => ({ type: 'ReportEquipmentFault', ...h, ...e, note: n })),
    fc.tuple(head, equipment).map(([h, e]) => ({ type: 'RepairEquipment', ...h, ...e })),
    fc
      .tuple(head, equipment, equipmentCheckResultArb, fc.option(note, { nil: undefined }))
      .map(([h, e, result, n]) => ({
        type: 'RecordInspection',
        ...h,
        ...e,
        result,
        ...(n === undefined ? {} : { note: n }),
      })),
    fc.tuple(head, room, bookingId).chain(([h, r, b]) =>
      (r ? checklistAnswersArb(r) : fc.constant([])).map((answers) => ({
        type: 'CompleteChecklist',
        ...h,
        roomId: roomId(r),
        bookingId: b,
        answers,
      })),
    ),
    fc
      .tuple(head, room, bookingId)
      .map(([h, r, b]) => ({ type: 'ConfirmPowerOff', ...h, roomId: roomId(r), bookingId: b })),
    fc.tuple(head, room).map(([h, r]) => ({
      type: 'IssueFaultWarnings',
      ...h,
      ...(r === undefined ? {} : { roomId: r.id }),
    })),
    fc.tuple(head, room).map(([h, r]) => ({ type: 'RecordCleaning', ...h, roomId: roomId(r) })),
    fc.tuple(head, room, fc.constantFrom('p1', 'p2'), note).map(([h, r, problemId, n]) => ({
      type: 'ReportCleaningProblem',
      ...h,
      roomId: roomId(r),
      problemId,
      note: n,
    })),
    fc.tuple(head, room, fc.constantFrom('p1', 'p2')).map(([h, r, problemId]) => ({
      type: 'ResolveCleaningProblem',
      ...h,
      roomId: roomId(r),
      problemId,
    })),
  );
}
