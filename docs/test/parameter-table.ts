// How the policy page writes a parameter's default and range: the page's table is checked against
// DEFAULT_PARAMETERS and PARAMETER_SCHEMA through these, so it cannot drift from the code.
import type { FieldSpec } from '@huiyi/core';

const code = (v: unknown) => `\`${String(v)}\``;

/**
 * The "Default" cell of a parameter.
 *
 * @param spec - its spec
 * @param value - its default
 * @returns the cell's text
 */
export function defaultCell(spec: FieldSpec, value: unknown): string {
  switch (spec.kind) {
    case 'integer':
      return String(value);
    case 'zone':
    case 'choice':
      return code(value);
    case 'lengths':
      return (value as number[]).join(', ');
    case 'ladder': {
      const steps = value as { level: string; responseWorkingDays: number }[];
      const days = new Set(steps.map((s) => s.responseWorkingDays));
      return days.size === 1
        ? `${steps.map((s) => s.level).join(' → ')}, ${[...days][0]} working days each`
        : steps.map((s) => `${s.level} ${s.responseWorkingDays}`).join(' → ');
    }
    case 'house-rules':
      return (value as { id: string }[]).map((r) => code(r.id)).join(', ');
  }
}

/**
 * The "Allowed" cell of a parameter.
 *
 * @param spec - its spec
 * @returns the cell's text
 */
export function allowedCell(spec: FieldSpec): string {
  switch (spec.kind) {
    case 'integer':
      return `${spec.min}–${spec.max}`;
    case 'zone':
      return 'an IANA time zone';
    case 'choice':
      return spec.values.map(code).join(', ');
    case 'lengths':
      return `ascending minutes, 1–${spec.max}`;
    case 'ladder':
      return 'climbing in that order, 1–60 working days each';
    case 'house-rules':
      return 'up to 50, each in zh-CN and en';
  }
}
