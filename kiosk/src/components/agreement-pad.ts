import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import { getStroke } from 'perfect-freehand';
import { base } from './styles.js';

/** A stroke as drawn: its points, `[x, y, pressure]` in CSS pixels of the canvas. */
type Stroke = number[][];

/** How a signature's ink looks: perfect-freehand's outline of each stroke, filled. */
const INK = { size: 5, thinning: 0.6, smoothing: 0.5, streamline: 0.5 } as const;

/**
 * The confidentiality agreement (保密协议, R-8), signed by hand on the screen before a sign-in to a
 * confidential meeting is accepted. Fires `agreement-signed` with `{ image }` (a PNG data URL) and
 * `cancel`. The pointer's path is kept as strokes; perfect-freehand turns each into the outline of
 * an ink line, pressure simulated from speed where the finger has none
 * (docs/decisions/kiosk-signature-ink.md).
 */
@customElement('agreement-pad')
@localized()
export class AgreementPad extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .text {
        font-size: 1.25rem;
        line-height: 1.6;
        max-width: 60rem;
      }
      canvas {
        display: block;
        width: 100%;
        max-width: 60rem;
        height: 240px;
        background: #f8fafc;
        border-radius: 12px;
        touch-action: none;
      }
      .actions {
        display: flex;
        gap: 1rem;
        margin-top: 1rem;
      }
      p[role='alert'] {
        color: #fecaca;
        font-size: 1.3rem;
      }
    `,
  ];

  /** Whose signature this is, as shown to them. */
  @property() personName = '';
  /** The agreement's version in force. */
  @property({ type: Number }) version = 1;
  @query('canvas') private canvas!: HTMLCanvasElement;
  @state() private error = '';
  #strokes: Stroke[] = [];
  /** The stroke being drawn, while a pointer is down. */
  #drawing: { pointerId: number; pen: boolean } | undefined;

  override firstUpdated(): void {
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const rect = this.canvas.getBoundingClientRect();
    this.canvas.width = Math.max(1, Math.round(rect.width * ratio));
    this.canvas.height = Math.max(1, Math.round(rect.height * ratio));
    this.canvas.getContext('2d')?.scale(ratio, ratio);
  }

  #point(e: PointerEvent): number[] {
    const rect = this.canvas.getBoundingClientRect();
    return [e.clientX - rect.left, e.clientY - rect.top, e.pressure || 0.5];
  }

  #down(e: PointerEvent): void {
    if (this.#drawing || (e.pointerType === 'mouse' && e.button !== 0)) return;
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
    ctx.fillStyle = '#0f172a';
    this.#strokes.forEach((points, i) => {
      const last = i < this.#strokes.length - 1 || !this.#drawing;
      const outline = getStroke(points, {
        ...INK,
        simulatePressure: !this.#drawing?.pen,
        last,
      });
      if (outline.length === 0) return;
      ctx.beginPath();
      outline.forEach(([x, y], j) => (j === 0 ? ctx.moveTo(x!, y!) : ctx.lineTo(x!, y!)));
      ctx.closePath();
      ctx.fill();
    });
  }

  override render() {
    return html`
      <h2>${msg(str`保密协议(第 ${this.version} 版)`, { id: 'agreement.title' })}</h2>
      <p class="text">
        ${msg(
          '本人承诺:对会议内容、资料及讨论情况严格保密,不以任何形式向无关人员透露、复制或传播;会议资料会后按要求交回或销毁。违反本协议的,依公司规定处理。',
          { id: 'agreement.text' },
        )}
      </p>
      <p>${msg(str`签署人:${this.personName}。请在下方手写签名。`, { id: 'agreement.signer' })}</p>
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
        <button
          @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }))}
        >
          ${msg('取消', { id: 'action.cancel' })}
        </button>
        <button class="primary" @click=${this.#confirm}>
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
    if (this.#strokes.length === 0) {
      this.error = msg('请先手写签名', { id: 'agreement.empty' });
      return;
    }
    const image = this.canvas.toDataURL('image/png');
    this.dispatchEvent(
      new CustomEvent('agreement-signed', { detail: { image }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'agreement-pad': AgreementPad;
  }
}
