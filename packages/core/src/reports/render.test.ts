import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { reportSourcesArb } from '../testing/report-arbitraries.js';
import { CSV_BOM, csvField, toCsv } from '../csv/csv.js';
import { at, sources } from './fixtures.test-helpers.js';
import { markdownCell, markdownTable } from './markdown.js';
import { actionsByMeeting, meetingReport } from './meeting-report.js';
import { reportPeriod } from './period.js';
import { periodReport } from './period-report.js';
import {
  meetingReportCsv,
  meetingReportMarkdown,
  periodReportCsv,
  periodReportMarkdown,
} from './render.js';
import { periodReportTables } from './period-tables.js';

/** A strict RFC 4180 reader: the records of a CSV text (after its BOM), or an error. */
function parseCsv(text: string): string[][] {
  if (!text.startsWith(CSV_BOM)) throw new Error('no BOM');
  const s = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < s.length) {
    let field = '';
    if (s[i] === '"') {
      i++;
      for (;;) {
        if (i >= s.length) throw new Error('unterminated quote');
        if (s[i] === '"') {
          if (s[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += s[i++];
      }
    } else {
      while (i < s.length && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') {
        if (s[i] === '"') throw new Error('quote inside an unquoted field');
        field += s[i++];
      }
    }
    row.push(field);
    if (s[i] === ',') i++;
    else if (s[i] === '\r' && s[i + 1] === '\n') {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`bad record end at ${i}: ${JSON.stringify(s[i])}`);
  }
  return rows;
}

const S = sources();
const DECEMBER = reportPeriod(at(15, 12), 'month', 'Asia/Shanghai');
const report = periodReport(S, DECEMBER);
const names: Record<string, string> = { li: '李四', chen: '陈主任', zhao: '赵六' };
const nameOf = (id: string) => names[id];

describe('CSV a spreadsheet opens: UTF-8 with BOM, CRLF, RFC 4180', () => {
  it('quotes commas, quotes and line breaks; doubles quotes; keeps Chinese intact', () => {
    expect(
      toCsv([
        ['人员', '说明'],
        ['李四', '回访, 2 起'],
        ['王五', '他说 "好"\n下周'],
      ]),
    ).toBe('\uFEFF人员,说明\r\n李四,"回访, 2 起"\r\n王五,"他说 ""好""\n下周"\r\n');
    expect([csvField(12.5), csvField(true), csvField(null), csvField(undefined)]).toEqual([
      '12.5',
      'TRUE',
      '',
      '',
    ]);
    expect(csvField(Number.NaN)).toBe('');
  });

  it('text a spreadsheet would run as a formula stays text', () => {
    expect(['=SUM(A1)', '+1', '-x', '@a', '\tx'].map(csvField)).toEqual([
      "'=SUM(A1)",
      "'+1",
      "'-x",
      "'@a",
      "'\tx",
    ]);
    expect(csvField(-5)).toBe('-5');
  });

  test.prop([
    fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 8,
    }),
  ])('any table of text reads back as it was written (formula guard aside)', (rows) => {
    const guard = (t: string) => (/^[=+\-@\t\r]/u.test(t) ? `'${t}` : t);
    expect(parseCsv(toCsv(rows))).toEqual(rows.map((r) => r.map(guard)));
  });
});

describe('E-2, F-8: the period report rendered', () => {
  it('E-2: Markdown with a title, the period and a section per table, in Chinese by default', () => {
    const md = periodReportMarkdown(report, { nameOf });
    const lines = md.split('\n');
    expect(lines[0]).toBe('# 会议总结报告 · 2026-12');
    expect(lines[2]).toBe(
      '统计区间：2026-12-01 00:00 至 2027-01-01 00:00（Asia/Shanghai） · 数据截至：2027-01-01 00:00',
    );
    for (const h of [
      '## 概况',
      '## 会议成效',
      '## 会议成果',
      '## 问题与不足',
      '## 改进建议',
      '## 会议纪律',
      '## 决议执行汇总',
      '### 按责任人',
      '### 行动项明细',
      '## 会议室使用率',
      '## 预订未签到',
    ])
      expect(lines).toContain(h);
    expect(md).toContain('| 赵六 | 1 | 1 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    expect(md).toContain('- M-7 · 「售后周例会」议程超时 5 分钟（1 项）');
    expect(md).toContain('| 大会议室 |');
    expect(md).toContain('（保密）');
  });

  it('K-5: the same report in English', () => {
    const md = periodReportMarkdown(report, { lang: 'en' });
    expect(md.split('\n')[0]).toBe('# Meeting summary report · 2026-12');
    expect(md).toContain('## Discipline record');
    expect(md).toContain('| Person | Expected | Attended | On time | Late |');
  });

  it('E-2: a CSV file per table, header first and totals last', () => {
    const csv = periodReportCsv(report, { nameOf });
    expect(Object.keys(csv)).toEqual(periodReportTables(report).map((t) => t.name));
    const discipline = parseCsv(csv.discipline);
    expect(discipline[0]).toEqual([
      '人员',
      '应到',
      '实到',
      '准时',
      '迟到',
      '早退',
      '迟到且早退',
      '请假',
      '无故缺席',
      '表彰',
      '处罚',
      '更正',
    ]);
    expect(discipline.at(-1)).toEqual([
      '合计',
      '7',
      '6',
      '4',
      '1',
      '1',
      '0',
      '1',
      '0',
      '1',
      '0',
      '0',
    ]);
    expect(discipline.find((r) => r[0] === '李四')?.[9]).toBe('1');
    const actions = parseCsv(csv.actions);
    expect(actions[1]).toEqual([
      'm1:o1',
      '售后周例会',
      '投诉 48 小时内回访',
      '李四',
      '紧急',
      '2026-12-09 18:00',
      '2026-12-09 18:00',
      '已验收',
      '否',
      '2026-12-08 10:00',
      '0',
      '5',
      '表彰',
      '',
      '0',
    ]);
    expect(parseCsv(csv['no-shows']).map((r) => r[3])).toEqual([
      '主题',
      '配件供应商洽谈',
      '（保密）',
    ]);
    for (const text of Object.values(csv)) {
      expect(text.startsWith(CSV_BOM)).toBe(true);
      expect(text.endsWith('\r\n')).toBe(true);
    }
  });

  test.prop([reportSourcesArb(), fc.constantFrom('zh-CN' as const, 'en' as const)], {
    numRuns: 30,
  })('every CSV parses back to its table, and the Markdown has a line per row', (s, lang) => {
    const r = periodReport(s, DECEMBER, { asOf: at(20, 0) });
    const csv = periodReportCsv(r, { lang });
    const md = periodReportMarkdown(r, { lang });
    for (const t of periodReportTables(r, { lang })) {
      const rows = parseCsv(csv[t.name]);
      expect(rows.length).toBe(t.rows.length + 1);
      expect(rows[0]).toEqual(t.header);
      if (t.rows.length > 0 && t.name !== 'problems' && t.name !== 'improvements')
        expect(md).toContain(markdownTable(t.header, []));
    }
  });
});

describe('E-1: one meeting rendered', () => {
  const m = meetingReport(
    S.meetings.meetings.get('m1')!,
    S.minutes,
    actionsByMeeting(S.actions).get('m1') ?? [],
    { asOf: at(31, 18) },
  );

  it('E-1: Markdown and CSV of a measure per line', () => {
    const md = meetingReportMarkdown(m, 'Asia/Shanghai', { nameOf });
    expect(md.split('\n')[0]).toBe('# 会议成效报告 · 售后周例会');
    expect(md).toContain('| 主持人 | 陈主任 |');
    expect(md).toContain('| 出勤率 | 85.7% |');
    const rows = parseCsv(meetingReportCsv(m, 'Asia/Shanghai', { lang: 'en' }));
    expect(rows[0]).toEqual(['Measure', 'Value']);
    expect(rows).toContainEqual(['Started on time', 'yes']);
    expect(rows).toContainEqual(['Agenda overrun (min)', '5']);
    expect(rows).toContainEqual(['Minutes', 'on time']);
  });

  it('a Markdown cell never breaks its table', () => {
    expect(markdownCell(' a|b\nc\\ ')).toBe('a\\|b<br>c\\\\');
    expect(markdownTable(['x'], [['1|2']])).toBe('| x |\n| --- |\n| 1\\|2 |');
  });
});
