import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { DoorBooking, DoorStatus, HouseRule, Person, Room } from '@huiyi/core';
import { hhmm, nameOf } from '../i18n/format.js';
import { language } from '../i18n/localization.js';
import { base } from './styles.js';
import './state-badge.js';

/**
 * The door (K-1): the room, its state in words and shape, the meeting now (its topic unless
 * confidential, its organizer, the time left), today's next bookings, the clock and the house
 * rules (R-6). Readable from 2 m.
 */
@customElement('door-display')
@localized()
export class DoorDisplay extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: grid;
        grid-template-columns: 3fr 2fr;
        gap: 2rem;
      }
      header {
        grid-column: 1 / -1;
        display: flex;
        justify-content: space-between;
        align-items: baseline;
      }
      h1 {
        font-size: 3.2rem;
        margin: 0;
      }
      .where {
        font-size: 1.4rem;
        color: #cbd5e1;
      }
      time.clock {
        font-size: 3.6rem;
        font-variant-numeric: tabular-nums;
        font-weight: 700;
      }
      .now {
        font-size: 1.8rem;
      }
      .topic {
        font-size: 2.8rem;
        font-weight: 700;
        margin: 1rem 0 0.5rem;
        overflow-wrap: anywhere;
      }
      .meta {
        color: #e2e8f0;
      }
      .left {
        font-size: 2.2rem;
        font-weight: 700;
        margin-top: 0.75rem;
      }
      h2 {
        font-size: 1.6rem;
        color: #cbd5e1;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        font-size: 1.4rem;
      }
      li {
        display: grid;
        grid-template-columns: 9.5rem 1fr;
        gap: 1rem;
        padding: 0.6rem 0;
        border-bottom: 1px solid #334155;
      }
      .faults {
        grid-column: 1 / -1;
        margin: 0;
        padding: 0.75rem 1rem;
        border: 3px dashed #facc15;
        border-radius: 12px;
        font-size: 1.4rem;
      }
      .rules {
        grid-column: 1 / -1;
        display: flex;
        gap: 2rem;
        flex-wrap: wrap;
        font-size: 1.4rem;
        color: #e2e8f0;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .rules li {
        border: none;
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) room?: Room;
  @property({ attribute: false }) status?: DoorStatus;
  @property({ attribute: false }) people: ReadonlyMap<string, Person> = new Map();
  @property({ attribute: false }) houseRules: readonly HouseRule[] = [];
  /** Faulty equipment of the room, awaiting repair (R-7). */
  @property({ attribute: false }) faults: readonly {
    readonly label: string;
    readonly note: string;
  }[] = [];
  @property({ type: Number }) now = 0;
  @property() zone = 'Asia/Shanghai';

  #topic(b: DoorBooking): string {
    return b.topic ?? msg('保密会议', { id: 'door.confidential' });
  }

  #current() {
    const s = this.status;
    if (!s) return nothing;
    const b = s.current;
    if (!b) {
      const until = s.next ? hhmm(s.next.start, this.zone) : undefined;
      return html`<p class="topic">
        ${until ? msg(str`空闲至 ${until}`, { id: 'door.free-until' }) : msg('今天再无预订', { id: 'door.free-all-day' })}
      </p>`;
    }
    const organizer = nameOf(this.people, b.organizerId);
    return html`
      <p class="topic" data-testid="current-topic">${this.#topic(b)}</p>
      <p class="meta">
        ${hhmm(b.start, this.zone)}–${hhmm(b.end, this.zone)}
        ${b.confidential ? nothing : html` · ${msg(str`组织者:${organizer}`, { id: 'door.organizer' })}`}
      </p>
      ${
        s.state === 'in-use' && s.minutesLeft !== undefined
          ? html`<p class="left">
              ${msg(str`剩余 ${s.minutesLeft} 分钟`, { id: 'door.minutes-left' })}
            </p>`
          : s.state === 'waiting'
            ? html`<p class="left">
                ${msg('请在门口签到,否则会议室将被释放', { id: 'door.check-in-hint' })}
              </p>`
            : nothing
      }
    `;
  }

  override render() {
    const lang = language();
    const next = (this.status?.today ?? []).filter((b) => b.id !== this.status?.current?.id);
    return html`
      <header>
        <div>
          <h1>${this.room?.name ?? msg('未选择会议室', { id: 'door.no-room' })}</h1>
          <span class="where">${this.room?.location ?? ''}</span>
        </div>
        <time class="clock" datetime=${new Date(this.now).toISOString()}
          >${hhmm(this.now, this.zone)}</time
        >
      </header>
      <section class="now" aria-label=${msg('当前', { id: 'door.now' })}>
        <state-badge .state=${this.status?.state ?? 'free'}></state-badge>
        ${this.#current()}
      </section>
      <section aria-labelledby="today">
        <h2 id="today">${msg('今日后续预订', { id: 'door.today' })}</h2>
        ${
          next.length === 0
            ? html`<p>${msg('无', { id: 'door.none' })}</p>`
            : html`<ol>
                ${next.map(
                  (b) =>
                    html`<li>
                      <span>${hhmm(b.start, this.zone)}–${hhmm(b.end, this.zone)}</span
                      ><span
                        >${this.#topic(b)}${b.status === 'pending' ? html` (${msg('待审批', { id: 'door.pending' })})` : nothing}</span
                      >
                    </li>`,
                )}
              </ol>`
        }
      </section>
      ${
        this.faults.length > 0
          ? html`<p class="faults" role="note">
              ⚠ ${msg('设备故障待修:', { id: 'door.faults' })}
              ${this.faults.map((f) => `${f.label}(${f.note})`).join('、')}
            </p>`
          : nothing
      }
      <ul class="rules" aria-label=${msg('会议室守则', { id: 'door.house-rules' })}>
        ${this.houseRules.map((r) => html`<li>${r.text[lang]}</li>`)}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'door-display': DoorDisplay;
  }
}
