import type { LedgerEntry } from '../actions/ledger.js';
import type {
  AttendanceCounts,
  AttendanceReport,
  AttendanceStatus,
} from '../meetings/attendance.js';
import type { Instant } from '../time/instant.js';

/**
 * One person's figures in the discipline record (E-2, M-6, F-7): `expected` counts the meetings
 * they were expected at.
 */
export interface DisciplineCounts extends AttendanceCounts {
  /** Ledger entries recorded in the period (F-7). */
  readonly commendations: number;
  readonly penalties: number;
  readonly corrections: number;
}

/** One person's line of the discipline record. */
export interface DisciplineRow extends DisciplineCounts {
  readonly personId: string;
}

/** The discipline record of a period (E-2): a line per person, and the totals of the lines. */
export interface DisciplineRecord {
  /** By person id. */
  readonly rows: readonly DisciplineRow[];
  readonly totals: DisciplineCounts;
}

/** The numeric fields of {@link DisciplineCounts}, in column order. */
export const DISCIPLINE_FIELDS: readonly (keyof DisciplineCounts)[] = Object.freeze([
  'expected',
  'attended',
  'onTime',
  'late',
  'leftEarly',
  'lateAndLeftEarly',
  'excused',
  'unexcused',
  'commendations',
  'penalties',
  'corrections',
]);

const ZERO: DisciplineCounts = Object.freeze({
  expected: 0,
  attended: 0,
  onTime: 0,
  late: 0,
  leftEarly: 0,
  lateAndLeftEarly: 0,
  excused: 0,
  unexcused: 0,
  commendations: 0,
  penalties: 0,
  corrections: 0,
});

const FIELD_OF: Readonly<Record<AttendanceStatus, keyof DisciplineCounts>> = {
  'on-time': 'onTime',
  late: 'late',
  'left-early': 'leftEarly',
  'late-and-left-early': 'lateAndLeftEarly',
  excused: 'excused',
  unexcused: 'unexcused',
};

const LEDGER_FIELD = {
  commendation: 'commendations',
  penalty: 'penalties',
  correction: 'corrections',
} as const;

/**
 * Adds up counts field by field.
 *
 * @param rows - the counts
 * @returns their sums
 * @example
 * sumDiscipline([{ late: 1, … }, { late: 2, … }]).late // => 3
 */
export function sumDiscipline(rows: Iterable<DisciplineCounts>): DisciplineCounts {
  const out: Record<keyof DisciplineCounts, number> = { ...ZERO };
  for (const r of rows) for (const f of DISCIPLINE_FIELDS) out[f] += r[f];
  return out;
}

/**
 * The discipline record (E-2): per person, the meetings they were expected at and how they came —
 * on time, late, left early, both, excused, absent without excuse (M-6) — and the commendations,
 * penalties and corrections entered in their ledger in the period (F-7). The totals are the sums of
 * the lines.
 *
 * @param attendances - the attendance of each meeting held in the period
 * @param ledger - every person's ledger
 * @param period - the span `[from, to)` ledger entries are counted in
 * @returns the record, a line per person with anything to count
 * @example
 * disciplineRecord([m1Attendance], ledger, period).people.find((p) => p.personId === 'zhao') // => { late: 1, attended: 1, … }
 */
export function disciplineRecord(
  attendances: Iterable<AttendanceReport>,
  ledger: ReadonlyMap<string, readonly LedgerEntry[]>,
  period: { readonly from: Instant; readonly to: Instant },
): DisciplineRecord {
  const rows = new Map<string, Record<keyof DisciplineCounts, number>>();
  const row = (personId: string) => {
    let r = rows.get(personId);
    if (r === undefined) rows.set(personId, (r = { ...ZERO }));
    return r;
  };
  for (const report of attendances) {
    for (const p of report.rows) {
      const r = row(p.personId);
      r.expected++;
      r[FIELD_OF[p.status]]++;
      if (p.status !== 'excused' && p.status !== 'unexcused') r.attended++;
    }
  }
  for (const [personId, entries] of ledger) {
    for (const e of entries) {
      if (e.at < period.from || e.at >= period.to) continue;
      row(personId)[LEDGER_FIELD[e.kind]]++;
    }
  }
  const people = [...rows]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([personId, counts]) => ({ personId, ...counts }));
  return { rows: people, totals: sumDiscipline(people) };
}
