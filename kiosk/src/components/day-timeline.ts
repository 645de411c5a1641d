import { LitElement, css, html } from 'lit';
import { hhmm } from '../i18n/format.js';
import { base } from './styles.js';
import { fire } from './events.js';

/** A block of the day: a booking, drawn by how it holds the room. */
export interface DayBlock {
  readonly start: number;
  readonly end: number;
  /** `now`: the meeting in use or waiting; `later`: still to come; `pending`: awaiting approval. */
  readonly kind: 'now' | 'later' | 'pending';
}

/**
 * The day at a glance (K-1): the room's opening hours as a bar, each booking a block in
 * proportion to its length, and a line for now; free time is the bar left empty. Vertical beside
 * the agenda in landscape, a horizontal strip in portrait. A picture of the list beside it, so
 * screen readers skip it. A tap on it fires `slot-picked` with `{ at }`: the moment tapped, on the
 * quarter hour, or where the booking before it ends; the door decides what it offers (R-2, R-5).
 */
export class DayTimeline extends LitElement {
  static override properties = {
    from: { type: Number },
    to: { type: Number },
    now: { type: Number },
    blocks: { attribute: false },
    zone: {},
  };

  static override styles = [
    base,
    css`
      :host {
        display: block;
        position: relative;
        min-width: 0;
        min-height: 0;
      }
      .bar {
        position: absolute;
        inset: 2.2vmin 0 2.2vmin 11vmin;
        border-radius: 1vmin;
        background: #1e293b;
        border: 0.3vmin dashed #94a3b8;
        cursor: pointer;
      }
      .block {
        position: absolute;
        left: 0;
        right: 0;
        top: var(--from);
        height: max(1vmin, calc(var(--to) - var(--from)));
        border-radius: 0.8vmin;
        background: #e2e8f0;
      }
      .block.now {
        background: #fca5a5;
      }
      .block.pending {
        background: repeating-linear-gradient(45deg, #e2e8f0 0 1vmin, #64748b 1vmin 2vmin);
      }
      .now-line {
        position: absolute;
        left: -2vmin;
        right: -1vmin;
        top: var(--at);
        height: 0.8vmin;
        margin-top: -0.4vmin;
        background: #facc15;
        border-radius: 0.4vmin;
      }
      .hour {
        position: absolute;
        left: 0;
        width: 10vmin;
        top: calc(2.2vmin + var(--f) * (100% - 4.4vmin));
        transform: translateY(-50%);
        font-variant-numeric: tabular-nums;
        color: #cbd5e1;
        text-align: right;
        padding-right: 1vmin;
        line-height: 1;
      }
      @media (max-aspect-ratio: 1/1) {
        .bar {
          inset: 0 1vmin 5vmin 1vmin;
        }
        .block {
          top: 0;
          bottom: 0;
          height: auto;
          left: var(--from);
          right: auto;
          width: max(1vmin, calc(var(--to) - var(--from)));
        }
        .now-line {
          top: -1.5vmin;
          bottom: -1.5vmin;
          left: var(--at);
          right: auto;
          width: 0.8vmin;
          height: auto;
          margin: 0 0 0 -0.4vmin;
        }
        .hour {
          top: auto;
          bottom: 0;
          width: auto;
          left: calc(1vmin + var(--f) * (100% - 2vmin));
          transform: translateX(-50%);
          padding: 0;
        }
      }
    `,
  ];

  /** When the day shown begins and ends (the room's opening hours today). */
  from = 0;
  to = 0;
  now = 0;
  blocks: readonly DayBlock[] = [];
  zone = 'Asia/Shanghai';

  #pct(t: number): string {
    const span = Math.max(1, this.to - this.from);
    return `${(Math.min(Math.max(t - this.from, 0), span) / span) * 100}%`;
  }

  /** Every other full hour inside the day, not so near an end that its label would overhang. */
  #hours(): number[] {
    const HOUR = 3_600_000;
    const span = this.to - this.from;
    const step = span > 8 * HOUR ? 2 * HOUR : HOUR;
    const out: number[] = [];
    for (let t = Math.ceil(this.from / step) * step; t <= this.to; t += step) {
      if (t - this.from >= span * 0.04 && this.to - t >= span * 0.04) out.push(t);
    }
    return out;
  }

  /** The moment under a tap, on the quarter hour but never inside the booking it follows. */
  #tap(e: MouseEvent): void {
    const r = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const f = r.width > r.height ? (e.clientX - r.left) / r.width : (e.clientY - r.top) / r.height;
    const t = this.from + f * (this.to - this.from);
    let at = Math.floor(t / 900_000) * 900_000;
    for (const b of this.blocks) if (b.start <= at && at < b.end && b.end <= t) at = b.end;
    fire(this, 'slot-picked', { at });
  }

  override render() {
    return html`<div class="bar" aria-hidden="true" @click=${this.#tap}>
        ${this.blocks.map(
          (b) =>
            html`<div
              class="block ${b.kind}"
              style="--from:${this.#pct(b.start)};--to:${this.#pct(b.end)}"
            ></div>`,
        )}
        ${
          this.now >= this.from && this.now <= this.to
            ? html`<div class="now-line" style="--at:${this.#pct(this.now)}"></div>`
            : ''
        }
      </div>
      ${this.#hours().map(
        (t) =>
          html`<span
            class="hour"
            aria-hidden="true"
            style="--f:${(t - this.from) / (this.to - this.from)}"
            >${hhmm(t, this.zone)}</span
          >`,
      )}`;
  }
}
customElements.define('day-timeline', DayTimeline);

declare global {
  interface HTMLElementTagNameMap {
    'day-timeline': DayTimeline;
  }
}
