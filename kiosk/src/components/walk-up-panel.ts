import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Person } from '@huiyi/core';
import { hhmm } from '../i18n/format.js';
import { base } from './styles.js';
import './person-picker.js';

/** One length a walk-up may ask for, and where it would really end (capped at the next booking). */
export interface WalkUpOption {
  readonly minutes: number;
  readonly end: number;
}

/**
 * Book the room now at the door (R-5): choose how long (each choice shows when it would end,
 * capped at the next booking), then tap your name. Fires `walk-up` with `{ minutes, personId }`.
 */
@customElement('walk-up-panel')
@localized()
export class WalkUpPanel extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .lengths {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
        margin-bottom: 1.5rem;
      }
      .lengths button[aria-pressed='true'] {
        background: #15803d;
        border-color: #22c55e;
      }
      h3 {
        font-size: 1.5rem;
      }
    `,
  ];

  @property({ attribute: false }) options: readonly WalkUpOption[] = [];
  @property({ attribute: false }) people: readonly Person[] = [];
  @property() zone = 'Asia/Shanghai';
  @state() private minutes: number | undefined;

  override render() {
    const chosen = this.minutes ?? this.options[0]?.minutes;
    return html`
      <h2>${msg('现场预订', { id: 'walk-up.title' })}</h2>
      <div class="lengths" role="group" aria-label=${msg('使用时长', { id: 'walk-up.length' })}>
        ${this.options.map(
          (o) =>
            html`<button
              data-minutes=${o.minutes}
              aria-pressed=${String(o.minutes === chosen)}
              @click=${() => (this.minutes = o.minutes)}
            >
              ${msg(str`${o.minutes} 分钟,至 ${hhmm(o.end, this.zone)}`, { id: 'walk-up.option' })}
            </button>`,
        )}
      </div>
      <h3>${msg('请点选您的姓名以确认预订', { id: 'walk-up.who' })}</h3>
      <person-picker
        .people=${this.people}
        @person-picked=${(e: CustomEvent<{ personId: string }>) => {
          e.stopPropagation();
          if (chosen !== undefined) this.#book(chosen, e.detail.personId);
        }}
      ></person-picker>
    `;
  }

  #book(minutes: number, personId: string): void {
    this.dispatchEvent(
      new CustomEvent('walk-up', { detail: { minutes, personId }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'walk-up-panel': WalkUpPanel;
  }
}
