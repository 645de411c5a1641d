import { describe, expect, it } from 'vitest';
import type { FeeStatement } from './fee-statement.js';
import { csvField } from '../csv/csv.js';
import { statementCsv } from './statement-csv.js';

/** A strict RFC 4180 reader: what a spreadsheet does with the file. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n' || ch === '"')
      throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    else field += ch;
  }
  if (field !== '' || row.length > 0) throw new Error('last record has no CRLF');
  return rows;
}

const statement: FeeStatement = {
  period: { kind: 'month', label: '2026-11', start: 0, end: 1 },
  asOf: 1,
  charges: [],
  rooms: [
    {
      roomId: 'A',
      roomName: '一号会议室 "大", 二楼',
      bookings: 2,
      chargesFen: 14750,
      waiversFen: 5000,
      incomeFen: 9750,
    },
  ],
  departments: [
    { department: '售后服务部', bookings: 1, chargesFen: 11750, waiversFen: 5000, incomeFen: 6750 },
    { department: '', bookings: 1, chargesFen: 3000, waiversFen: 0, incomeFen: 3000 },
  ],
  waivers: [
    {
      waiverId: 'w1',
      bookingId: 'b1',
      roomId: 'A',
      department: '售后服务部',
      reason: '客户培训\n第二行',
      chargeFen: 11750,
      amountFen: 5000,
    },
  ],
  expenses: [
    {
      expenseId: 'e1',
      amountFen: 35005,
      category: 'repair',
      note: '=HYPERLINK("http://x")',
      spentAt: 0,
      recordedBy: 'admin',
      recordedAt: 0,
    },
  ],
  totals: {
    bookings: 2,
    chargesFen: 14750,
    waiversFen: 5000,
    incomeFen: 9750,
    expensesFen: 35005,
    balanceFen: -25255,
  },
};

describe('R-12: the statement as CSV a spreadsheet opens as it is', () => {
  it('R-12: UTF-8 with a BOM, one header row, CRLF ends, Chinese intact, yuan with two decimals', () => {
    const text = statementCsv(statement);
    expect(
      text.startsWith(
        '\uFEFF期间,类别,名称,笔数,收费（元）,减免（元）,收入（元）,支出（元）,结余（元）,说明\r\n',
      ),
    ).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = readCsv(text.slice(1));
    expect(rows.every((r) => r.length === 10)).toBe(true);
    expect(rows.slice(1)).toEqual([
      ['2026-11', '会议室', '一号会议室 "大", 二楼', '2', '147.50', '50.00', '97.50', '', '', 'A'],
      ['2026-11', '部门', '售后服务部', '1', '117.50', '50.00', '67.50', '', '', ''],
      ['2026-11', '部门', '未指定部门', '1', '30.00', '0.00', '30.00', '', '', ''],
      ['2026-11', '减免', '售后服务部', '1', '117.50', '50.00', '', '', '', 'b1：客户培训\n第二行'],
      ['2026-11', '支出', '维修', '', '', '', '', '350.05', '', '\'=HYPERLINK("http://x")'],
      ['2026-11', '合计', '', '2', '147.50', '50.00', '97.50', '350.05', '-252.55', ''],
    ]);
    // Encoded as UTF-8, the BOM is EF BB BF and the Chinese survives the round trip.
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(text);
  });

  it('R-12: in English on request', () => {
    const rows = readCsv(statementCsv(statement, 'en').slice(1));
    expect(rows[0]?.[4]).toBe('Charges (CNY)');
    expect(rows.map((r) => r[1])).toEqual([
      'Section',
      'Room',
      'Department',
      'Department',
      'Waiver',
      'Expense',
      'Total',
    ]);
    expect(rows[3]?.[2]).toBe('No department');
    expect(rows[5]?.[2]).toBe('Repair');
  });

  it('R-12: fields are quoted only when they must be, and formulas never run', () => {
    expect(csvField('一号会议室')).toBe('一号会议室');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+86 138')).toBe("'+86 138");
    expect(csvField('@sum')).toBe("'@sum");
    expect(csvField({ numberText: '-12.00' })).toBe('-12.00');
  });
});
