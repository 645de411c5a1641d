import {
  fail,
  isTimeZone,
  ok,
  reject,
  toInstant,
  type Instant,
  type Result,
  type RuleId,
  type TimeZone,
} from '@huiyi/core';
import ICAL from 'ical.js';

/** The most events a calendar file brought to the hub may hold. */
export const MAX_FILE_EVENTS = 5000;
/** The largest calendar file the hub reads, in characters (5 MB of text). */
export const MAX_FILE_CHARS = 5 * 1024 * 1024;

/** A parsed calendar file: ical.js's VCALENDAR component. */
export type IcsCalendar = InstanceType<typeof ICAL.Component>;
/** An ical.js time as read from a file. */
export type IcsTime = InstanceType<typeof ICAL.Time>;

/**
 * Reads a calendar file with ical.js (no parser of our own), refusing what is not one: not text,
 * more than {@link MAX_FILE_EVENTS} events or {@link MAX_FILE_CHARS} characters, not iCalendar,
 * or not a `VCALENDAR`. Never throws.
 *
 * @param text - the file's text
 * @param rule - the rule the caller answers to (C-3 for answers, C-4 for imports)
 * @returns the calendar, or a rejection with code `ics.not-text`, `ics.too-many-events`,
 *   `ics.too-large` or `ics.malformed`
 * @example
 * readIcs('BEGIN:VCALENDAR\r\nEND:VCALENDAR', 'C-4').ok // => true
 * readIcs('hello', 'C-4') // => { ok: false, rejection: { code: 'ics.malformed', … } }
 */
export function readIcs(text: unknown, rule: RuleId): Result<IcsCalendar> {
  if (typeof text !== 'string')
    return fail(
      reject(rule, 'ics.not-text', {
        'zh-CN': '日历文件必须是文本',
        en: 'a calendar file must be text',
      }),
    );
  // Counted before parsing, so a huge file costs one scan, not a parse.
  const events = text.match(/^BEGIN:VEVENT\s*$/gim)?.length ?? 0;
  if (events > MAX_FILE_EVENTS) {
    return fail(
      reject(
        rule,
        'ics.too-many-events',
        {
          'zh-CN': `日历文件有 ${events} 个事件，一次最多 ${MAX_FILE_EVENTS} 个：请分批导入`,
          en: `the calendar file holds ${events} events; at most ${MAX_FILE_EVENTS} are taken at once: split it`,
        },
        { events, limit: MAX_FILE_EVENTS },
      ),
    );
  }
  if (text.length > MAX_FILE_CHARS) {
    return fail(
      reject(
        rule,
        'ics.too-large',
        {
          'zh-CN': `日历文件过大（${text.length} 个字符，最多 ${MAX_FILE_CHARS} 个）`,
          en: `the calendar file is too large (${text.length} characters, at most ${MAX_FILE_CHARS})`,
        },
        { chars: text.length, limit: MAX_FILE_CHARS },
      ),
    );
  }
  let root: IcsCalendar;
  try {
    root = new ICAL.Component(ICAL.parse(text) as never);
  } catch (e) {
    return fail(malformed(rule, e instanceof Error ? e.message : String(e)));
  }
  if (root.name !== 'vcalendar')
    return fail(malformed(rule, `the file is a ${root.name.toUpperCase()}, not a VCALENDAR`));
  return ok(root);
}

/** The rejection of a file that is not iCalendar. */
export function malformed(rule: RuleId, detail: string): ReturnType<typeof reject> {
  return reject(
    rule,
    'ics.malformed',
    {
      'zh-CN': `无法读取日历文件（不是有效的 iCalendar）：${detail}`,
      en: `the calendar file cannot be read (not valid iCalendar): ${detail}`,
    },
    { detail },
  );
}

/**
 * The instant of a DATE-TIME read from a file (T-1): UTC as is; a `TZID` by the file's own
 * `VTIMEZONE`, else by the IANA zone of that name; a floating time in the site's zone. A `TZID`
 * neither the file nor the runtime knows is refused, never guessed.
 *
 * @param time - the ical.js time
 * @param tzid - the property's `TZID` parameter, if any
 * @param siteZone - the site's zone
 * @param rule - the rule the caller answers to
 * @returns the instant, or `ics.unknown-zone`
 * @example
 * instantOf(time /* 20270301T090000, TZID=Asia/Shanghai *\/, 'Asia/Shanghai', 'Asia/Shanghai', 'C-4') // => { ok: true, value: 1803949200000 }
 */
export function instantOf(
  time: IcsTime,
  tzid: string | undefined,
  siteZone: TimeZone,
  rule: RuleId,
): Result<Instant> {
  const wall = {
    year: time.year,
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    ...(time.second === 0 ? {} : { second: time.second }),
  };
  if (time.zone === ICAL.Timezone.utcTimezone) return ok(time.toUnixTime() * 1000);
  if (tzid === undefined || tzid === '') return ok(toInstant(wall, siteZone));
  if (time.zone !== ICAL.Timezone.localTimezone && time.zone?.tzid === tzid) {
    try {
      return ok(time.toUnixTime() * 1000);
    } catch (e) {
      return fail(
        malformed(rule, `VTIMEZONE ${tzid}: ${e instanceof Error ? e.message : String(e)}`),
      );
    }
  }
  if (isTimeZone(tzid)) return ok(toInstant(wall, tzid));
  return fail(
    reject(
      rule,
      'ics.unknown-zone',
      {
        'zh-CN': `未知的时区“${tzid}”：文件中没有它的 VTIMEZONE，它也不是 IANA 时区名`,
        en: `unknown time zone "${tzid}": the file has no VTIMEZONE for it and it is not an IANA zone`,
      },
      { tzid },
    ),
  );
}

/** The `TZID` parameter of a component's property, if any. */
export function tzidOf(component: IcsCalendar, name: string): string | undefined {
  const p = component.getFirstProperty(name);
  const v = p?.getParameter('tzid');
  return typeof v === 'string' ? v : Array.isArray(v) ? String(v[0]) : undefined;
}
