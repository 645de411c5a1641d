import {
  checkPerson,
  checkRoom,
  fail,
  ok,
  reject,
  type Actor,
  type Rejection,
  type Result,
} from '@huiyi/core';

/**
 * The schedule file an admin imports at the kiosk (K-4): rooms, people, bookings and meetings as
 * JSON. Times are epoch milliseconds or ISO 8601 with an explicit offset (`2026-11-27T09:00+08:00`).
 *
 * ```json
 * { "format": "huiyi-schedule", "version": 1,
 *   "rooms": [Room], "people": [Person],
 *   "bookings": [{ "id", "roomId", "organizerId", "topic", "headcount", "start", "end", "equipment"?, "confidential"?, "department"? }],
 *   "meetings": [{ "id", "bookingId", "kind", "topic", "goals"?, "agenda": [{ "id", "title", "presenterId", "timeboxMinutes" }],
 *                  "chairId", "recorderId", "signInOfficerId", "participants", "informed"?, "confidential"? }] }
 * ```
 */
export const SCHEDULE_FORMAT = 'huiyi-schedule';

/** The commands a file stands for, and where each came from in the file (for messages). */
export interface ScheduleCommands {
  readonly commands: readonly Record<string, unknown>[];
  readonly sources: readonly string[];
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_BYTES = 5 * 1024 * 1024;

const fileError = (path: string, zh: string, en: string): Result<never> =>
  fail(
    reject(
      'K-4',
      'import.invalid',
      {
        'zh-CN': `日程文件未导入，未作任何更改：${path ? `${path} ` : '文件'}${zh}`,
        en: `Schedule file not imported, nothing changed: ${path ? `${path} ` : 'the file '}${en}`,
      },
      { path },
    ),
  );

function instantOf(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && ISO.test(v)) {
    const t = Date.parse(v);
    return Number.isNaN(t) ? undefined : t;
  }
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function list(file: Record<string, unknown>, key: string): unknown[] | undefined {
  const v = file[key];
  return v === undefined ? [] : Array.isArray(v) ? v : undefined;
}

/**
 * Reads a schedule file into the commands it stands for. Only the file's own shape is checked here
 * (JSON, format, version, lists, times); each command is then checked by its decider when the
 * kiosk takes the whole file in one go.
 *
 * @param text - the file's text
 * @param now - when it is imported
 * @param admin - who imports it (the admin behind the PIN)
 * @returns the commands, or why the file is refused
 */
export function readScheduleFile(
  text: string,
  now: number,
  admin: Actor,
): Result<ScheduleCommands> {
  if (text.length > MAX_BYTES) return fileError('', '超过 5 MB', 'is larger than 5 MB');
  let file: unknown;
  try {
    file = JSON.parse(text);
  } catch {
    return fileError('', '不是有效的 JSON', 'is not valid JSON');
  }
  if (!isRecord(file)) return fileError('', '应为一个 JSON 对象', 'must be a JSON object');
  if (file['format'] !== SCHEDULE_FORMAT || file['version'] !== 1) {
    return fileError(
      'format',
      `应为 "${SCHEDULE_FORMAT}" 第 1 版`,
      `must be "${SCHEDULE_FORMAT}" version 1`,
    );
  }
  const stray = Object.keys(file).find(
    (k) => !['format', 'version', 'rooms', 'people', 'bookings', 'meetings'].includes(k),
  );
  if (stray) return fileError(stray, '不是日程文件的字段', 'is not a field of a schedule file');
  const commands: Record<string, unknown>[] = [];
  const sources: string[] = [];
  const add = (source: string, command: Record<string, unknown>) => {
    commands.push(command);
    sources.push(source);
  };
  const lists: Record<string, unknown[]> = {};
  for (const key of ['rooms', 'people', 'bookings', 'meetings']) {
    const l = list(file, key);
    if (!l) return fileError(key, '应为列表', 'must be a list');
    lists[key] = l;
  }
  for (const [i, v] of (lists['rooms'] ?? []).entries()) {
    const r = checkRoom(v, `rooms[${i}]`);
    if (!r.ok) return fileError(r.path, `应为${r.expected['zh-CN']}`, `must be ${r.expected.en}`);
    add(`rooms[${i}]`, { type: 'RegisterRoom', now, actor: admin, room: r.value });
  }
  for (const [i, v] of (lists['people'] ?? []).entries()) {
    const r = checkPerson(v, `people[${i}]`);
    if (!r.ok) return fileError(r.path, `应为${r.expected['zh-CN']}`, `must be ${r.expected.en}`);
    add(`people[${i}]`, { type: 'RegisterPerson', now, actor: admin, person: r.value });
  }
  const bookings = new Map<string, Record<string, unknown>>();
  for (const [i, v] of (lists['bookings'] ?? []).entries()) {
    const path = `bookings[${i}]`;
    if (!isRecord(v)) return fileError(path, '应为一个对象', 'must be an object');
    const start = instantOf(v['start']);
    const end = instantOf(v['end']);
    if (start === undefined)
      return fileError(`${path}.start`, '应为带时区的时间', 'must be a time with its offset');
    if (end === undefined)
      return fileError(`${path}.end`, '应为带时区的时间', 'must be a time with its offset');
    const { id, ...rest } = v;
    const command = {
      ...rest,
      type: 'RequestBooking',
      now,
      actor: admin,
      bookingId: id,
      start,
      end,
    };
    bookings.set(String(id), command);
    add(path, command);
  }
  for (const [i, v] of (lists['meetings'] ?? []).entries()) {
    const path = `meetings[${i}]`;
    if (!isRecord(v)) return fileError(path, '应为一个对象', 'must be an object');
    const { id, bookingId, ...plan } = v;
    const booking = bookings.get(String(bookingId));
    if (!booking)
      return fileError(
        `${path}.bookingId`,
        '应为本文件中的一个预订',
        'must name a booking of this file',
      );
    const organizer: Actor = {
      id: String(booking['organizerId'] ?? admin.id),
      roles: ['organizer'],
    };
    add(path, {
      ...plan,
      type: 'PlanMeeting',
      now,
      actor: organizer,
      meetingId: id,
      booking: {
        roomId: booking['roomId'],
        bookingId,
        start: booking['start'],
        end: booking['end'],
      },
    });
    add(path, { type: 'ScheduleMeeting', now, actor: organizer, meetingId: id });
  }
  if (commands.length === 0) return fileError('', '没有任何内容', 'holds nothing to import');
  return ok({ commands, sources });
}

/**
 * Says which entry of the file a rejection of its commands came from.
 *
 * @param rejection - what the decider refused, with `data.index`
 * @param sources - where each command came from
 * @returns the same rejection, its message prefixed with the entry
 */
export function locateRejection(rejection: Rejection, sources: readonly string[]): Rejection {
  const index = rejection.data['index'];
  const where = typeof index === 'number' ? sources[index] : undefined;
  if (where === undefined) return rejection;
  return {
    ...rejection,
    data: { ...rejection.data, entry: where },
    message: {
      'zh-CN': `日程文件未导入，未作任何更改。${where}：${rejection.message['zh-CN']}`,
      en: `Schedule file not imported, nothing changed. ${where}: ${rejection.message.en}`,
    },
  };
}
