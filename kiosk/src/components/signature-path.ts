import { SIGNATURE_BOX, SIGNATURE_MAX_CHARS } from '@huiyi/core';

/**
 * A drawn signature as the hub keeps it (R-8): the pad's strokes scaled into the core's
 * {@link SIGNATURE_BOX} (1000 × 400 units, the pad's proportions kept), in whole units, each stroke
 * an absolute move then relative steps (`M120 80l3 4 5 -2…`), a step of nothing left out. A PNG of
 * the pad is 20–60 KB; this is 1–4 KB for a name. When it would still be longer than
 * {@link SIGNATURE_MAX_CHARS}, it is drawn on a coarser grid (2, 4, 8 … units) until it fits, so
 * any signature travels, and a week of them queued stays far inside the hub's body limit.
 *
 * @param strokes - the strokes, `[x, y, …]` points in CSS pixels of the pad
 * @param width - the pad's width in CSS pixels
 * @param height - the pad's height in CSS pixels
 * @returns the path (`''` without a point)
 * @example
 * signaturePath([[[0, 0], [10, 5]]], 100, 40) // => 'M0 0l100 50'
 */
export function signaturePath(
  strokes: readonly (readonly (readonly number[])[])[],
  width: number,
  height: number,
): string {
  const scale = Math.min(
    SIGNATURE_BOX.width / Math.max(1, width),
    SIGNATURE_BOX.height / Math.max(1, height),
  );
  for (let grid = 1; ; grid *= 2) {
    const path = drawn(strokes, scale, grid);
    if (path.length <= SIGNATURE_MAX_CHARS || grid >= SIGNATURE_BOX.height) return fit(path);
  }
}

function drawn(
  strokes: readonly (readonly (readonly number[])[])[],
  scale: number,
  grid: number,
): string {
  const at = (v: number | undefined, max: number): number =>
    Math.min(max - (max % grid), Math.max(0, Math.round(((v ?? 0) * scale) / grid) * grid));
  const parts: string[] = [];
  for (const points of strokes) {
    const first = points[0];
    if (!first) continue;
    let x = at(first[0], SIGNATURE_BOX.width);
    let y = at(first[1], SIGNATURE_BOX.height);
    const steps: string[] = [];
    for (const p of points.slice(1)) {
      const nx = at(p[0], SIGNATURE_BOX.width);
      const ny = at(p[1], SIGNATURE_BOX.height);
      if (nx === x && ny === y) continue;
      steps.push(`${nx - x} ${ny - y}`);
      x = nx;
      y = ny;
    }
    const [x0, y0] = [at(first[0], SIGNATURE_BOX.width), at(first[1], SIGNATURE_BOX.height)];
    parts.push(`M${x0} ${y0}${steps.length > 0 ? `l${steps.join(' ')}` : ''}`);
  }
  return parts.join('');
}

/** The whole strokes that fit in {@link SIGNATURE_MAX_CHARS} (only a pathological pad needs it). */
function fit(path: string): string {
  if (path.length <= SIGNATURE_MAX_CHARS) return path;
  let out = '';
  for (const stroke of path.split(/(?=M)/)) {
    if (out.length + stroke.length > SIGNATURE_MAX_CHARS) break;
    out += stroke;
  }
  return out;
}
