import { LitElement, css, html } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { Person } from '@huiyi/core';
import { hhmm } from '../i18n/format.js';
import { base, screen } from './styles.js';
import './person-picker.js';
import { fire } from './events.js';

/** One length a walk-up may ask for, and where it would really end (capped at the next booking). */
export interface WalkUpOption {
  readonly minutes: number;
  readonly end: number;
  /** Shorter than asked: it says only until when. */
  readonly capped?: boolean;
}

/**
 * Book the room now at the door (R-5): choose how long (each choice says when it would end,
 * capped at the next booking), then tap your name. Fires `walk-up` with `{ minutes, personId }`.
 */
@localized()
export class WalkUpPanel extends LitElement {
  static override properties = {
    options: { attribute: false },
    people: { attribute: false },
    zone: {},
    from: { type: Number },
    busy: { type: Boolean },
    minutes: { state: true },
  };

  static override styles = [
    base,
    screen,
    css`
      .lengths {
        display: flex;
        gap: 2vmin;
        flex-wrap: wrap;
      }
      .lengths button {
        font-variant-numeric: tabular-nums;
      }
      person-picker {
        flex: 1 1 auto;
      }
    `,
  ];

  options: readonly WalkUpOption[] = [];
  people: readonly Person[] = [];
  zone = 'Asia/Shanghai';
  /** A later slot's start (tapped on the timeline); none: a walk-up, now. */
  from: number | undefined;
  /** A command is in flight: every action waits. */
  busy = false;
  private minutes: number | undefined;

  #label(o: WalkUpOption): string {
    const until = hhmm(o.end, this.zone);
    // Capped at the next booking: say the real end, not the length asked for.
    return o.capped
      ? msg(str`至 ${until}`, { id: 'walk-up.option-capped' })
      : msg(str`${o.minutes} 分钟，至 ${until}`, { id: 'walk-up.option' });
  }

  override render() {
    const chosen = this.minutes ?? this.options[0]?.minutes;
    return html`
      <h1>
        ${
          this.from === undefined
            ? msg('现场预订', { id: 'walk-up.title' })
            : msg(str`预订 ${hhmm(this.from, this.zone)} 起`, { id: 'book.title' })
        }
      </h1>
      <div class="lengths" role="group" aria-label=${msg('使用时长', { id: 'walk-up.length' })}>
        ${this.options.map(
          (o) =>
            html`<button
              data-minutes=${o.minutes}
              aria-pressed=${String(o.minutes === chosen)}
              @click=${() => (this.minutes = o.minutes)}
            >
              ${this.#label(o)}
            </button>`,
        )}
      </div>
      <h2>${msg('请点您的姓名，确认预订', { id: 'walk-up.who' })}</h2>
      <person-picker
        .people=${this.people}
        ?busy=${this.busy}
        @person-picked=${(e: CustomEvent<{ personId: string }>) => {
          e.stopPropagation();
          if (chosen !== undefined) this.#book(chosen, e.detail.personId);
        }}
      ></person-picker>
    `;
  }

  #book(minutes: number, personId: string): void {
    fire(this, 'walk-up', { minutes, personId });
  }
}
customElements.define('walk-up-panel', WalkUpPanel);

declare global {
  interface HTMLElementTagNameMap {
    'walk-up-panel': WalkUpPanel;
  }
}
