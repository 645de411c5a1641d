// The command reference (guide/commands.md, and in Chinese zh/guide/commands.md), generated from the
// command shapes the deciders check input with, so that every field and its limits is written
// once: in the code. What a field must be is the shape's own message, in the page's language.
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

/** A language the reference is written in: the keys of the core's messages. */
export type Language = 'en' | 'zh-CN';

/** Each context's shapes, in the order of the guide, with the function that reads them. */
export const CONTEXTS: readonly {
  readonly title: Readonly<Record<Language, string>>;
  readonly parse: string;
  readonly shapes: Readonly<Record<string, Check<unknown>>>;
}[] = [
  {
    title: { en: 'Rooms and bookings', 'zh-CN': '会议室与预订' },
    parse: 'parseBookingCommand',
    shapes: BOOKING_COMMAND_SHAPES,
  },
  {
    title: { en: 'Meetings', 'zh-CN': '会议' },
    parse: 'parseMeetingCommand',
    shapes: MEETING_COMMAND_SHAPES,
  },
  {
    title: { en: 'Minutes', 'zh-CN': '会议纪要' },
    parse: 'parseMinutesCommand',
    shapes: MINUTES_COMMAND_SHAPES,
  },
  {
    title: { en: 'Equipment and cleaning', 'zh-CN': '设备与保洁' },
    parse: 'parseUpkeepCommand',
    shapes: UPKEEP_COMMAND_SHAPES,
  },
  { title: { en: 'Fees', 'zh-CN': '费用' }, parse: 'parseFeeCommand', shapes: FEE_COMMAND_SHAPES },
  {
    title: { en: 'Follow-through', 'zh-CN': '跟踪落实' },
    parse: 'parseActionCommand',
    shapes: ACTION_COMMAND_SHAPES,
  },
  {
    title: { en: 'The policy', 'zh-CN': '制度' },
    parse: 'parsePolicyCommand',
    shapes: POLICY_COMMAND_SHAPES,
  },
];

/** The page's own words, per language. */
const WORDS: Readonly<
  Record<
    Language,
    {
      readonly readBy: (parse: string) => string;
      readonly header: string;
      readonly yes: string;
      readonly no: string;
      readonly ownSchema: string;
      readonly list: (min: number, max: number) => string;
      readonly listOf: (min: number, max: number, each: string) => string;
      readonly object: string;
    }
  >
> = {
  en: {
    readBy: (parse) => `Read by \`${parse}\`.`,
    header: '| Field | Required | What it must be |',
    yes: 'yes',
    no: 'no',
    ownSchema: 'read by the decider against its own schema',
    list: (min, max) => `a list of ${min} to ${max} items`,
    listOf: (min, max, each) => `a list of ${min} to ${max} items, each ${each}`,
    object: 'an object',
  },
  'zh-CN': {
    readBy: (parse) => `由 \`${parse}\` 读取。`,
    header: '| 字段 | 必填 | 要求 |',
    yes: '是',
    no: '否',
    ownSchema: '由决策器按参数模式另行校验',
    list: (min, max) => `含 ${min} 到 ${max} 项的列表`,
    listOf: (min, max, each) => `含 ${min} 到 ${max} 项的列表，每项为${each}`,
    object: '一个对象',
  },
};

/** A value no leaf check takes, so that it says what it expects. */
const PROBE = Symbol('probe');

function leaf(check: Check<unknown>, lang: Language): string {
  const r = check(PROBE, 'x');
  if (r.ok) return WORDS[lang].ownSchema;
  return r.expected[lang].replace(/(,? got |[:：] ?)Symbol\(probe\)/, '');
}

interface Row {
  readonly field: string;
  readonly required: boolean;
  readonly expected: string;
}

function rows(check: Check<unknown>, path: string, required: boolean, lang: Language): Row[] {
  const words = WORDS[lang];
  const a = anatomyOf(check);
  if (a === undefined) return [{ field: path, required, expected: leaf(check, lang) }];
  if (a.kind === 'optional') return rows(a.check, path, false, lang);
  if (a.kind === 'list') {
    const item = anatomyOf(a.item);
    const head: Row = {
      field: path,
      required,
      expected:
        item === undefined
          ? words.listOf(a.min, a.max, leaf(a.item, lang))
          : words.list(a.min, a.max),
    };
    return item === undefined ? [head] : [head, ...rows(a.item, `${path}[]`, true, lang)];
  }
  const fields = Object.entries(a.shape).flatMap(([key, c]) =>
    rows(c, path === '' ? key : `${path}.${key}`, true, lang),
  );
  return path === '' ? fields : [{ field: path, required, expected: words.object }, ...fields];
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/**
 * The generated part of the page: per context, per command type, every field.
 *
 * @param lang - the page's language (`en` for guide/commands.md, `zh-CN` for zh/guide/commands.md)
 * @returns Markdown
 */
export function commandReference(lang: Language = 'en'): string {
  const words = WORDS[lang];
  const out: string[] = [];
  for (const { title, parse, shapes } of CONTEXTS) {
    out.push(`## ${title[lang]}`, '', words.readBy(parse), '');
    for (const [type, shape] of Object.entries(shapes)) {
      out.push(`### ${type}`, '', words.header, '| --- | --- | --- |');
      for (const r of rows(shape, '', true, lang)) {
        if (r.field === 'type') continue;
        out.push(`| \`${r.field}\` | ${r.required ? words.yes : words.no} | ${cell(r.expected)} |`);
      }
      out.push('');
    }
  }
  return out.join('\n');
}
