import type { TimeZone } from '../time/zone.js';
import { toCsv, type CsvCell } from '../csv/csv.js';
import { formatWall, yesNo } from './format.js';
import { label } from './labels.js';
import { markdownTable } from './markdown.js';
import type { MeetingReport } from './meeting-report.js';
import type { PeriodReport } from './period-report.js';
import { meetingReportTable } from './meeting-table.js';
import { periodReportTables, type PeriodTableName } from './period-tables.js';
import type { RenderOptions, ReportTable } from './table.js';

const text = (cell: CsvCell, o: RenderOptions): string =>
  typeof cell === 'boolean' ? yesNo(cell, o.lang ?? 'zh-CN') : cell == null ? '' : String(cell);

function section(t: ReportTable, o: RenderOptions, level = '##'): string {
  const lang = o.lang ?? 'zh-CN';
  const body =
    t.rows.length === 0
      ? label('none', lang)
      : t.name === 'problems' || t.name === 'improvements'
        ? t.rows
            .map(
              (r) =>
                `- ${r
                  .map((c) => text(c, o))
                  .filter((x) => x !== '')
                  .join(' · ')}`,
            )
            .join('\n')
        : markdownTable(
            t.header,
            t.rows.map((r) => r.map((c) => text(c, o))),
          );
  return `${level} ${t.title}\n\n${body}\n`;
}

/**
 * The period report as Markdown a person reads (E-2, F-8): a title with the period, then a
 * section per table — overview, meetings, outcomes, problems, improvements, discipline, the action
 * roll-up, rooms, no-shows.
 *
 * @param r - the report
 * @param options - the language (default `zh-CN`) and the names of people
 * @returns the Markdown
 * @example
 * periodReportMarkdown(report).split('\n')[0] // => '# 会议总结报告 · 2026-12'
 */
export function periodReportMarkdown(r: PeriodReport, options: RenderOptions = {}): string {
  const lang = options.lang ?? 'zh-CN';
  const z = r.period.zone;
  const [colon, open, close] = lang === 'en' ? [': ', ' (', ')'] : ['：', '（', '）'];
  const head = [
    `# ${label('periodTitle', lang)} · ${r.period.label}`,
    '',
    `${label('period', lang)}${colon}${formatWall(r.period.from, z)} ${label('to', lang)} ${formatWall(r.period.to, z)}${open}${z}${close} · ${label('asOf', lang)}${colon}${formatWall(r.asOf, z)}`,
    '',
  ].join('\n');
  const tables = periodReportTables(r, options);
  const parts = tables.map((t) =>
    t.name.startsWith('actions') ? section(t, options, '###') : section(t, options),
  );
  const firstAction = tables.findIndex((t) => t.name.startsWith('actions'));
  parts.splice(firstAction, 0, `## ${label('actionsSection', lang)}\n`);
  return `${head}\n${parts.join('\n')}`;
}

/**
 * The period report as CSV files a spreadsheet opens (UTF-8 with BOM, CRLF, RFC 4180): one per
 * table, each with its column titles first and its totals row last.
 *
 * @param r - the report
 * @param options - the language (default `zh-CN`) and the names of people
 * @returns the text of each file, by table name
 * @example
 * periodReportCsv(report).discipline.startsWith('\uFEFF人员,应到') // => true
 */
export function periodReportCsv(
  r: PeriodReport,
  options: RenderOptions = {},
): Record<PeriodTableName, string> {
  return Object.fromEntries(
    periodReportTables(r, options).map((t) => [t.name, toCsv([t.header, ...t.rows])]),
  ) as Record<PeriodTableName, string>;
}

/**
 * One meeting's report as Markdown (E-1): a title with the topic, and a table of its measures.
 *
 * @param r - the meeting's report
 * @param zone - the site's zone
 * @param options - the language (default `zh-CN`) and the names of people
 * @returns the Markdown
 * @example
 * meetingReportMarkdown(report, 'Asia/Shanghai').split('\n')[0] // => '# 会议成效报告 · 售后周例会'
 */
export function meetingReportMarkdown(
  r: MeetingReport,
  zone: TimeZone,
  options: RenderOptions = {},
): string {
  const t = meetingReportTable(r, zone, options);
  return `# ${t.title} · ${r.topic}\n\n${markdownTable(
    t.header,
    t.rows.map((row) => row.map((c) => text(c, options))),
  )}\n`;
}

/**
 * One meeting's report as CSV (E-1): a measure per line, UTF-8 with BOM, CRLF, RFC 4180.
 *
 * @param r - the meeting's report
 * @param zone - the site's zone
 * @param options - the language (default `zh-CN`) and the names of people
 * @returns the file's text
 * @example
 * meetingReportCsv(report, 'Asia/Shanghai').startsWith('\uFEFF指标,数值\r\n主题,售后周例会') // => true
 */
export function meetingReportCsv(
  r: MeetingReport,
  zone: TimeZone,
  options: RenderOptions = {},
): string {
  const t = meetingReportTable(r, zone, options);
  return toCsv([t.header, ...t.rows]);
}
