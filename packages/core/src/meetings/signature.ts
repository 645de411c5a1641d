import type { Check } from '../input/index.js';

/** The box a drawn signature's path is drawn in: 1000 × 400 units, the origin at the top left. */
export const SIGNATURE_BOX = { width: 1000, height: 400 } as const;

/**
 * The longest drawn signature a command carries, in characters: a name written by hand is a
 * few hundred points, 1–4 KB as a path; the door draws it coarser when it would be longer, so a
 * push of queued agreements stays far inside the hub's body limit.
 */
export const SIGNATURE_MAX_CHARS = 8_000;

/**
 * The shape of a drawn signature: an SVG path of straight moves in whole units of
 * {@link SIGNATURE_BOX}, each stroke an absolute `M x y` then relative `l dx dy` steps
 * (`M120 80l3 4 5 -2M400 90l…`). It can be drawn as it is (`<path d=…>`), by a browser or a report.
 */
const SIGNATURE_PATH = /^(M\d{1,4} \d{1,3}(l-?\d{1,4} -?\d{1,4}( -?\d{1,4} -?\d{1,4})*)?)+$/;

/**
 * A drawn signature as an SVG path: 1 to {@link SIGNATURE_MAX_CHARS} characters of
 * `M x y l dx dy …` in whole units of {@link SIGNATURE_BOX}.
 *
 * @returns the check
 * @example
 * signaturePath()('M10 20l5 5 6 -1', 'signature') // => { ok: true, value: 'M10 20l5 5 6 -1' }
 */
export function signaturePath(): Check<string> {
  return (v, path) =>
    typeof v === 'string' && v.length <= SIGNATURE_MAX_CHARS && SIGNATURE_PATH.test(v)
      ? { ok: true, value: v }
      : {
          ok: false,
          path,
          expected: {
            'zh-CN': `手写签名的路径（M x y l dx dy …，最多 ${SIGNATURE_MAX_CHARS} 个字符）`,
            en: `a drawn signature as a path (M x y l dx dy …, at most ${SIGNATURE_MAX_CHARS} characters)`,
          },
        };
}
