import { LitElement, css, html } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { signaturePath } from './signature-path.js';
import { base, screen } from './styles.js';
import { fire } from './events.js';

/** A stroke as drawn: its points, `[x, y, pressure]` in CSS pixels of the canvas. */
type Stroke = number[][];

/**
 * What counts as a signature, in CSS pixels of the pad: at least this much ink in all, spread at
 * least this far one way and this far the other. A dot, a tap or a straight line is refused.
 */
export const SIGNATURE = { minInk: 150, minSpan: 60, minThickness: 15 } as const;

/**
 * Whether strokes make a signature (R-8: signed by hand): enough ink, over enough of the pad.
 *
 * @param strokes - the strokes, `[x, y, …]` points
 * @returns `empty`, `too-small` or `ok`
 * @example
 * signatureCheck([[[10, 10, 0.5]]]) // => 'too-small'
 */
export function signatureCheck(
  strokes: readonly (readonly number[][])[],
): 'empty' | 'too-small' | 'ok' {
  if (strokes.length === 0) return 'empty';
  let ink = 0;
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const points of strokes) {
    points.forEach(([x = 0, y = 0], i) => {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
      const previous = points[i - 1];
      if (previous) ink += Math.hypot(x - (previous[0] ?? 0), y - (previous[1] ?? 0));
    });
  }
  const [w, h] = [maxX - minX, maxY - minY];
  return ink >= SIGNATURE.minInk &&
    Math.max(w, h) >= SIGNATURE.minSpan &&
    Math.min(w, h) >= SIGNATURE.minThickness
    ? 'ok'
    : 'too-small';
}

/**
 * How wide the ink is at a point, in CSS pixels: a pen's pressure, or for a finger (no pressure)
 * the speed, a fast stroke thinner, as ink runs from a nib.
 */
function inkWidth(step: number, pressure: number): number {
  const slow = Math.max(0, 1 - step / 40);
  return (1.8 + 3.7 * slow) * (0.6 + 0.8 * pressure);
}

/**
 * The confidentiality agreement (保密协议, R-8), signed by hand on the screen before a sign-in to a
 * confidential meeting is accepted. Fires `agreement-signed` with `{ image }` (a PNG data URL) and
 * `cancel`. The pointer's path is kept as strokes, drawn as curves through their points, the ink's
 * width from a pen's pressure or, for a finger, from its speed (docs/decisions/kiosk-door-sign.md).
 */
@localized()
export class AgreementPad extends LitElement {
  static override properties = {
    personName: {},
    version: { type: Number },
    busy: { type: Boolean },
    error: { state: true },
  };

  static override styles = [
    base,
    screen,
    css`
      .text {
        line-height: 1.4;
        max-width: 150vmin;
      }
      canvas {
        width: 100%;
        max-width: 150vmin;
        flex: 1 1 0;
        min-height: 16vmin;
        max-height: 45vmin;
        background: #f8fafc;
        border-radius: 1.5vmin;
        touch-action: none;
      }
    `,
  ];

  /** Whose signature this is, as shown to them (at a confidential meeting their number, not their name). */
  personName = '';
  /** The agreement's version in force. */
  version = 1;
  /** A command is in flight: confirming waits. */
  busy = false;
  /** The pad (always rendered). */
  private get canvas(): HTMLCanvasElement {
    return this.renderRoot.querySelector('canvas') as HTMLCanvasElement;
  }
  private error = '';
  #strokes: Stroke[] = [];
  /** The stroke being drawn, while a pointer is down. */
  #drawing: { pointerId: number; pen: boolean } | undefined;
  /** The canvas's width in device pixels, as last sized. */
  #width = 0;

  override firstUpdated(): void {
    this.#size();
  }

  /** Gives the canvas as many pixels as it shows, unless it has them already. */
  #size(): void {
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const rect = this.canvas.getBoundingClientRect();
    const width = Math.max(1, Math.round(rect.width * ratio));
    if (width === this.#width) return;
    this.#width = this.canvas.width = width;
    this.canvas.height = Math.max(1, Math.round(rect.height * ratio));
    this.canvas.getContext('2d')?.scale(ratio, ratio);
  }

  #point(e: PointerEvent): number[] {
    const rect = this.canvas.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top, e.pressure || 0.5];
  }

  #down(e: PointerEvent): void {
    if (this.#drawing || (e.pointerType === 'mouse' && e.button !== 0)) return;
    // Its box may have changed since it was sized (before a signature: sizing clears it).
    if (this.#strokes.length === 0) this.#size();
    try {
      // Keep the stroke when the finger slides off the pad.
      this.canvas.setPointerCapture(e.pointerId);
    } catch {
      // A pointer the browser no longer knows: draw without capture.
    }
    this.#drawing = { pointerId: e.pointerId, pen: e.pointerType === 'pen' };
    this.#strokes.push([this.#point(e)]);
    this.#paint();
  }

  #move(e: PointerEvent): void {
    if (e.pointerId !== this.#drawing?.pointerId) return;
    const stroke = this.#strokes.at(-1)!;
    // The points the browser merged into this event, for a smooth line (none for a synthetic event).
    const merged = e.getCoalescedEvents?.() ?? [];
    for (const each of merged.length > 0 ? merged : [e]) stroke.push(this.#point(each));
    this.#paint();
  }

  #up(e: PointerEvent): void {
    if (e.pointerId !== this.#drawing?.pointerId) return;
    this.#drawing = undefined;
    this.error = '';
    this.#paint();
  }

  /** Draws every stroke again: a signature is a few hundred points, far inside a frame. */
  #paint(): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.strokeStyle = ctx.fillStyle = '#0f172a';
    ctx.lineCap = ctx.lineJoin = 'round';
    for (const points of this.#strokes) {
      // Each point is joined to the next by a curve through the midpoints, its width eased
      // towards the point's own, so the line neither kinks nor jumps in width.
      let width = inkWidth(0, points[0]?.[2] ?? 0.5);
      for (let i = 0; i < points.length; i++) {
        const [x0 = 0, y0 = 0] = points[i - 1] ?? points[i]!;
        const [x1 = 0, y1 = 0, p = 0.5] = points[i]!;
        const [xb = x0, yb = y0] = points[i - 2] ?? points[i - 1] ?? [];
        width += (inkWidth(Math.hypot(x1 - x0, y1 - y0), p) - width) * 0.4;
        ctx.lineWidth = width;
        ctx.beginPath();
        ctx.moveTo((xb + x0) / 2, (yb + y0) / 2);
        ctx.quadraticCurveTo(x0, y0, (x0 + x1) / 2, (y0 + y1) / 2);
        if (points.length === 1) ctx.arc(x1, y1, width / 2, 0, 2 * Math.PI);
        ctx.stroke();
      }
    }
  }

  override render() {
    return html`
      <h1>${msg(str`保密协议（第 ${this.version} 版）`, { id: 'agreement.title' })}</h1>
      <p class="text">
        ${msg(
          '本人承诺：对会议内容、资料及讨论情况严格保密，不以任何形式向无关人员透露、复制或传播；会议资料会后按要求交回或销毁。违反本协议的，依公司规定处理。',
          { id: 'agreement.text' },
        )}
      </p>
      <p>
        ${msg(str`签署人：${this.personName}。请在下方白色区域手写签名。`, { id: 'agreement.signer' })}
      </p>
      <canvas
        aria-label=${msg('手写签名区', { id: 'agreement.canvas' })}
        role="img"
        @pointerdown=${this.#down}
        @pointermove=${this.#move}
        @pointerup=${this.#up}
        @pointercancel=${this.#up}
      ></canvas>
      ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
      <div class="actions">
        <button @click=${this.#clear}>${msg('重写', { id: 'agreement.clear' })}</button>
        <button @click=${() => fire(this, 'cancel')}>
          ${msg('取消', { id: 'action.cancel' })}
        </button>
        <button class="primary" ?disabled=${this.busy} @click=${this.#confirm}>
          ${msg('签署并签到', { id: 'agreement.confirm' })}
        </button>
      </div>
    `;
  }

  #clear(): void {
    this.#strokes = [];
    this.#drawing = undefined;
    this.#paint();
  }

  #confirm(): void {
    const check = signatureCheck(this.#strokes);
    if (check !== 'ok') {
      this.error =
        check === 'empty'
          ? msg('还没有签名：请在白色区域手写您的姓名。', { id: 'agreement.empty' })
          : msg('签名太短，未被接受：请用手指在白色区域写下您的完整姓名。', {
              id: 'agreement.too-small',
            });
      return;
    }
    const image = this.canvas.toDataURL('image/png');
    // The drawing itself, small enough to travel to the hub with the agreement (R-8).
    const rect = this.canvas.getBoundingClientRect();
    const signature = signaturePath(this.#strokes, rect.width, rect.height);
    fire(this, 'agreement-signed', { image, signature });
  }
}
customElements.define('agreement-pad', AgreementPad);

declare global {
  interface HTMLElementTagNameMap {
    'agreement-pad': AgreementPad;
  }
}
