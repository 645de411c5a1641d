// The command reference (guide/commands.md), generated from the command shapes the deciders check
// input with, so that every field and its limits is written once: in the code.
import {
  ACTION_COMMAND_SHAPES,
  BOOKING_COMMAND_SHAPES,
  FEE_COMMAND_SHAPES,
  MEETING_COMMAND_SHAPES,
  MINUTES_COMMAND_SHAPES,
  POLICY_COMMAND_SHAPES,
  UPKEEP_COMMAND_SHAPES,
} from '../../packages/core/src/index.js';
import { anatomyOf, type Check } from '../../packages/core/src/input/check.js';

/** Each context's shapes, in the order of the guide, with the function that reads them. */
export const CONTEXTS: readonly {
  readonly title: string;
  readonly parse: string;
  readonly shapes: Readonly<Record<string, Check<unknown>>>;
}[] = [
  { title: 'Rooms and bookings', parse: 'parseBookingCommand', shapes: BOOKING_COMMAND_SHAPES },
  { title: 'Meetings', parse: 'parseMeetingCommand', shapes: MEETING_COMMAND_SHAPES },
  { title: 'Minutes', parse: 'parseMinutesCommand', shapes: MINUTES_COMMAND_SHAPES },
  { title: 'Equipment and cleaning', parse: 'parseUpkeepCommand', shapes: UPKEEP_COMMAND_SHAPES },
  { title: 'Fees', parse: 'parseFeeCommand', shapes: FEE_COMMAND_SHAPES },
  { title: 'Follow-through', parse: 'parseActionCommand', shapes: ACTION_COMMAND_SHAPES },
  { title: 'The policy', parse: 'parsePolicyCommand', shapes: POLICY_COMMAND_SHAPES },
];

/** A value no leaf check takes, so that it says what it expects. */
const PROBE = Symbol('probe');

function leaf(check: Check<unknown>): string {
  const r = check(PROBE, 'x');
  if (r.ok) return 'read by the decider against its own schema';
  return r.expected.en.replace(/,? got Symbol\(probe\)/, '');
}

interface Row {
  readonly field: string;
  readonly required: boolean;
  readonly expected: string;
}

function rows(check: Check<unknown>, path: string, required: boolean): Row[] {
  const a = anatomyOf(check);
  if (a === undefined) return [{ field: path, required, expected: leaf(check) }];
  if (a.kind === 'optional') return rows(a.check, path, false);
  if (a.kind === 'list') {
    const item = anatomyOf(a.item);
    const head: Row = {
      field: path,
      required,
      expected:
        item === undefined
          ? `a list of ${a.min} to ${a.max} items, each ${leaf(a.item)}`
          : `a list of ${a.min} to ${a.max} items`,
    };
    return item === undefined ? [head] : [head, ...rows(a.item, `${path}[]`, true)];
  }
  const fields = Object.entries(a.shape).flatMap(([key, c]) =>
    rows(c, path === '' ? key : `${path}.${key}`, true),
  );
  return path === '' ? fields : [{ field: path, required, expected: 'an object' }, ...fields];
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/**
 * The generated part of the page: per context, per command type, every field.
 *
 * @returns Markdown
 */
export function commandReference(): string {
  const out: string[] = [];
  for (const { title, parse, shapes } of CONTEXTS) {
    out.push(`## ${title}`, '', `Read by \`${parse}\`.`, '');
    for (const [type, shape] of Object.entries(shapes)) {
      out.push(`### ${type}`, '', '| Field | Required | What it must be |', '| --- | --- | --- |');
      for (const r of rows(shape, '', true)) {
        if (r.field === 'type') continue;
        out.push(`| \`${r.field}\` | ${r.required ? 'yes' : 'no'} | ${cell(r.expected)} |`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}
