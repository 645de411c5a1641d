// Reads iCalendar text back with ical.js, an independent reader: the tests judge what a calendar
// client would see, not what our writer meant.
import ICAL from 'ical.js';

export interface ReadEvent {
  readonly uid: string;
  readonly sequence: number;
  readonly start: number;
  readonly end: number;
  readonly startTzid: string | undefined;
  readonly allDay: boolean;
  readonly summary: string;
  readonly status: string;
  readonly klass: string;
  readonly description: string | undefined;
  readonly location: string | undefined;
  readonly organizer: string | undefined;
  readonly attendees: readonly { address: string; partstat: string; role: string; cn: string }[];
  readonly stamp: number;
  readonly lastModified: number | undefined;
  readonly x: Readonly<Record<string, string>>;
}

export interface ReadCalendar {
  readonly method: string | undefined;
  readonly name: string | undefined;
  readonly description: string | undefined;
  readonly timezones: readonly string[];
  readonly events: readonly ReadEvent[];
}

const str = (v: unknown): string | undefined =>
  v === null || v === undefined ? undefined : String(v);

export function readBack(text: string): ReadCalendar {
  const root = new ICAL.Component(ICAL.parse(text) as never);
  const events = root.getAllSubcomponents('vevent').map((c): ReadEvent => {
    const e = new ICAL.Event(c);
    const x: Record<string, string> = {};
    for (const p of c.getAllProperties())
      if (p.name.startsWith('x-')) x[p.name.toUpperCase()] = String(p.getFirstValue());
    const tzid = c.getFirstProperty('dtstart')?.getParameter('tzid');
    const lm = c.getFirstPropertyValue('last-modified') as InstanceType<typeof ICAL.Time> | null;
    return {
      uid: String(e.uid),
      sequence: Number(c.getFirstPropertyValue('sequence') ?? 0),
      start: e.startDate.toUnixTime() * 1000,
      end: e.endDate.toUnixTime() * 1000,
      startTzid: typeof tzid === 'string' ? tzid : undefined,
      allDay: e.startDate.isDate,
      summary: String(e.summary ?? ''),
      status: String(c.getFirstPropertyValue('status') ?? ''),
      klass: String(c.getFirstPropertyValue('class') ?? ''),
      description: str(e.description),
      location: str(e.location),
      organizer: str(c.getFirstPropertyValue('organizer')),
      attendees: c.getAllProperties('attendee').map((p) => ({
        address: String(p.getFirstValue()).replace(/^mailto:/i, 'mailto:'),
        partstat: String(p.getParameter('partstat') ?? ''),
        role: String(p.getParameter('role') ?? ''),
        cn: String(p.getParameter('cn') ?? ''),
      })),
      stamp:
        (c.getFirstPropertyValue('dtstamp') as InstanceType<typeof ICAL.Time>).toUnixTime() * 1000,
      lastModified: lm === null ? undefined : lm.toUnixTime() * 1000,
      x,
    };
  });
  return {
    method: str(root.getFirstPropertyValue('method')),
    name: str(root.getFirstPropertyValue('x-wr-calname')),
    description: str(root.getFirstPropertyValue('x-wr-caldesc')),
    timezones: root
      .getAllSubcomponents('vtimezone')
      .map((z) => String(z.getFirstPropertyValue('tzid'))),
    events,
  };
}

/** The one event with a UID. */
export function eventOf(cal: ReadCalendar, uid: string): ReadEvent {
  const e = cal.events.find((x) => x.uid === uid);
  if (e === undefined)
    throw new Error(`no event ${uid} in ${cal.events.map((x) => x.uid).join(', ')}`);
  return e;
}
