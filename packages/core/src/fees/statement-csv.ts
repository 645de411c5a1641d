import { toCsv, type CsvCell } from '../csv/csv.js';
import type { Language } from '../policy/parameters.js';
import { EXPENSE_CATEGORY_NAMES } from './expense.js';
import type { FeeStatement } from './fee-statement.js';
import { formatYuan, type Fen } from './money.js';

/** The words of the CSV, in each language. */
const WORDS = {
  'zh-CN': {
    header: [
      '期间',
      '类别',
      '名称',
      '笔数',
      '收费（元）',
      '减免（元）',
      '收入（元）',
      '支出（元）',
      '结余（元）',
      '说明',
    ],
    room: '会议室',
    department: '部门',
    waiver: '减免',
    expense: '支出',
    total: '合计',
    noDepartment: '未指定部门',
    note: (bookingId: string, reason: string) => `${bookingId}：${reason}`,
  },
  en: {
    header: [
      'Period',
      'Section',
      'Name',
      'Bookings',
      'Charges (CNY)',
      'Waivers (CNY)',
      'Income (CNY)',
      'Expenses (CNY)',
      'Balance (CNY)',
      'Note',
    ],
    room: 'Room',
    department: 'Department',
    waiver: 'Waiver',
    expense: 'Expense',
    total: 'Total',
    noDepartment: 'No department',
    note: (bookingId: string, reason: string) => `${bookingId}: ${reason}`,
  },
} as const;

/**
 * The public statement as CSV that a spreadsheet opens as it is: UTF-8 with a byte-order
 * mark, so Excel reads the Chinese right; one header row; CRLF line ends; RFC 4180 quoting; money
 * in yuan with two decimals, written from whole fen. Rows: each room, each department, each
 * waiver, each expense, then the total with the balance.
 *
 * @param s - the statement
 * @param language - the language of the header and the words (default `zh-CN`)
 * @returns the file's text, starting with `\uFEFF`
 * @example
 * statementCsv(statement).split('\r\n')[0] // => '\uFEFF期间,类别,名称,笔数,收费（元）,减免（元）,收入（元）,支出（元）,结余（元）,说明'
 */
export function statementCsv(s: FeeStatement, language: Language = 'zh-CN'): string {
  const w = WORDS[language];
  const p = s.period.label;
  const money = (fen: Fen): CsvCell => ({ numberText: formatYuan(fen) });
  const rows: CsvCell[][] = [[...w.header]];
  for (const r of s.rooms)
    rows.push([
      p,
      w.room,
      r.roomName,
      r.bookings,
      money(r.chargesFen),
      money(r.waiversFen),
      money(r.incomeFen),
      '',
      '',
      r.roomId,
    ]);
  for (const d of s.departments)
    rows.push([
      p,
      w.department,
      d.department || w.noDepartment,
      d.bookings,
      money(d.chargesFen),
      money(d.waiversFen),
      money(d.incomeFen),
      '',
      '',
      '',
    ]);
  for (const x of s.waivers)
    rows.push([
      p,
      w.waiver,
      x.department || w.noDepartment,
      1,
      money(x.chargeFen),
      money(x.amountFen),
      '',
      '',
      '',
      w.note(x.bookingId, x.reason),
    ]);
  for (const e of s.expenses)
    rows.push([
      p,
      w.expense,
      EXPENSE_CATEGORY_NAMES[e.category][language],
      '',
      '',
      '',
      '',
      money(e.amountFen),
      '',
      e.note,
    ]);
  const t = s.totals;
  rows.push([
    p,
    w.total,
    '',
    t.bookings,
    money(t.chargesFen),
    money(t.waiversFen),
    money(t.incomeFen),
    money(t.expensesFen),
    money(t.balanceFen),
    '',
  ]);
  return toCsv(rows);
}
