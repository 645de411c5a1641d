import { LitElement, css, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import {
  localDateOf,
  openSpansOn,
  startOfLocalDay,
  type DoorBooking,
  type DoorState,
  type DoorStatus,
  type HouseRule,
  type Person,
  type Room,
} from '@huiyi/core';
import { dayLabel, emWidth, hhmm, hhmmSpan, nameOf } from '../i18n/format.js';
import { language } from '../i18n/localization.js';
import type { DayBlock } from './day-timeline.js';
import { base } from './styles.js';
import './state-badge.js';
import './day-timeline.js';

/** The state's line in English under the Chinese word, for visitors (K-5). */
const ENGLISH: Record<DoorState, string> = {
  free: 'Free',
  'starting-soon': 'Starting soon',
  waiting: 'Check in now',
  'in-use': 'In use',
};

/**
 * The door sign (K-1), read from down the corridor: the room's state fills its field by colour,
 * word and shape; the room, the meeting now (its topic unless confidential, its organizer, the
 * time left) large; the clock; the day as a timeline and a list; the house rules (R-6). The
 * state's actions come in through the `actions` slot, a report button through `tools`.
 * Landscape: the field on the left (62 %), the day on the right; portrait: the clock, the field,
 * the day as a strip, the list.
 */
@localized()
export class DoorDisplay extends LitElement {
  static override properties = {
    room: { attribute: false },
    status: { attribute: false },
    people: { attribute: false },
    houseRules: { attribute: false },
    faults: { attribute: false },
    attendance: { attribute: false },
    releaseAt: { type: Number },
    now: { type: Number },
    zone: {},
    night: { type: Boolean, reflect: true },
  };

  static override styles = [
    base,
    css`
      :host {
        display: grid;
        height: 100%;
        background: var(--panel);
        grid-template-columns: 62fr 17vmin 27fr;
        grid-template-rows: auto minmax(0, 1fr) auto;
        grid-template-areas:
          'field clock clock'
          'field line list'
          'field extras extras';
        column-gap: 2vmin;
      }
      /* The field in the state's colour: free green, starting soon or waiting amber (dark text,
         the wait striped), in use red. */
      .field {
        grid-area: field;
        container-type: inline-size;
        display: flex;
        flex-direction: column;
        justify-content: space-between;
        gap: 1.2vmin;
        padding: 3vmin 4vmin;
        min-width: 0;
        min-height: 0;
        background: #166534;
      }
      .field[data-state='in-use'] {
        background: #a61b1b;
      }
      .field[data-state='starting-soon'],
      .field[data-state='waiting'] {
        background: #f5b700;
        color: #1a1a1a;
      }
      .field[data-state='waiting'] {
        background: repeating-linear-gradient(45deg, #f5b700 0 4vmin, #e8ab00 4vmin 8vmin);
      }
      .head,
      .state {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        column-gap: 3vmin;
      }
      h1 {
        /* A long name shrinks to fit its line rather than break (--len: its width in em). */
        font-size: min(8vmin, 100cqi / var(--len, 1));
        word-break: keep-all;
      }
      state-badge {
        /* As large as its line allows, up to 14 vmin: --word is the word's width in em. */
        font-size: min(14vmin, 100cqi / (var(--word, 4) + 1.3));
      }
      .state-en {
        font-size: 4.5vmin;
        font-weight: 700;
      }
      .left {
        font-size: 5.5vmin;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .hint {
        font-size: 4vmin;
        font-weight: 700;
      }
      .topic {
        font-size: 5.5vmin;
        font-weight: 700;
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 2;
        overflow: hidden;
        overflow-wrap: anywhere;
      }
      .clock-row {
        grid-area: clock;
        display: flex;
        align-items: baseline;
        justify-content: space-between;
        flex-wrap: wrap;
        column-gap: 2vmin;
        padding: 2.5vmin 3vmin 0 0;
      }
      time.clock {
        font-size: 9vmin;
        font-weight: 700;
        font-variant-numeric: tabular-nums;
        line-height: 1.1;
      }
      .date {
        color: var(--muted);
        white-space: nowrap;
      }
      day-timeline {
        grid-area: line;
      }
      .list {
        grid-area: list;
        min-height: 0;
        padding-right: 3vmin;
        display: flex;
        flex-direction: column;
        gap: 1vmin;
      }
      .list h2 {
        font-size: 3.5vmin;
        color: var(--muted);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-direction: column;
        gap: 1.5vmin;
        min-height: 0;
        overflow: hidden;
      }
      .more {
        color: var(--muted);
      }
      ol li {
        border-left: 0.8vmin solid #e2e8f0;
        padding-left: 1.5vmin;
      }
      ol li.pending {
        border-left-style: dashed;
      }
      .when {
        display: block;
        font-variant-numeric: tabular-nums;
        font-weight: 700;
        white-space: nowrap;
      }
      .what {
        display: -webkit-box;
        -webkit-box-orient: vertical;
        -webkit-line-clamp: 1;
        overflow: hidden;
        overflow-wrap: anywhere;
      }
      .extras {
        grid-area: extras;
        display: flex;
        flex-direction: column;
        gap: 1.5vmin;
        padding: 0 3vmin 2.5vmin 0;
      }
      .faults {
        padding: 1vmin 2vmin;
        border: 0.4vmin dashed #facc15;
        border-radius: 1.5vmin;
      }
      .rules {
        display: flex;
        flex-wrap: wrap;
        column-gap: 3vmin;
        row-gap: 0.5vmin;
        margin: 0;
        padding: 0;
        list-style: none;
        color: var(--muted);
      }
      .rules li {
        white-space: nowrap;
      }
      .rules li::before {
        content: '⊘ ';
      }
      /* Night (the shell dims an idle door out of working hours): black, the state's colour on
         the room and its word (each >= 7:1 on black), no actions, no timeline. */
      :host([night]) {
        --panel: #000000;
        --muted: #a3a3a3;
        color: #a3a3a3;
      }
      :host([night]) .field[data-state] {
        background: #000000;
        color: #3fae5f;
      }
      :host([night]) .field[data-state='in-use'] {
        color: #f07070;
      }
      :host([night]) .field[data-state='starting-soon'],
      :host([night]) .field[data-state='waiting'] {
        color: #c99a00;
      }
      :host([night]) slot,
      :host([night]) day-timeline {
        display: none;
      }
      @media (min-aspect-ratio: 1/1) and (max-height: 780px) {
        .topic {
          -webkit-line-clamp: 1;
        }
      }
      @media (max-aspect-ratio: 1/1) {
        :host {
          grid-template-columns: 1fr;
          grid-template-rows: auto auto 13vmin minmax(0, 1fr) auto;
          grid-template-areas: 'clock' 'field' 'line' 'list' 'extras';
          column-gap: 0;
        }
        .clock-row {
          padding: 2vmin 4vmin;
        }
        .field {
          padding: 4vmin;
          gap: 2.5vmin;
          justify-content: flex-start;
          min-height: 46vh;
        }
        .field ::slotted(nav) {
          margin-top: auto;
        }
        day-timeline {
          margin: 3vmin 4vmin 0;
        }
        .list,
        .extras {
          padding: 2vmin 4vmin;
        }
        .what {
          -webkit-line-clamp: 2;
        }
      }
    `,
  ];

  room?: Room;
  status?: DoorStatus;
  people: ReadonlyMap<string, Person> = new Map();
  houseRules: readonly HouseRule[] = [];
  /** Faulty equipment of the room, awaiting repair (R-7). */
  faults: readonly {
    readonly label: string;
    readonly note: string;
  }[] = [];
  /** How many of the meeting now are signed in, of how many expected (a count only, R-8). */
  attendance: { signedIn: number; expected: number } | undefined;
  /** When a meeting waiting for check-in is released if nobody checks in (R-4). */
  releaseAt: number | undefined;
  now = 0;
  zone = 'Asia/Shanghai';
  /** Dimmed for the night. */
  night = false;

  #resize: ResizeObserver | undefined;
  #again = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resize ??= new ResizeObserver(() => this.#fit());
    document.fonts?.addEventListener('loadingdone', this.#refit);
    // The list's box is the grid's to size, not its items': refit whenever it changes.
    this.updateComplete
      .then(() => {
        const list = this.renderRoot.querySelector('.list');
        if (list) this.#resize?.observe(list);
      })
      .catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    document.fonts?.removeEventListener('loadingdone', this.#refit);
  }

  /** Fits the list again once a font (the tablet's CJK fallback) has loaded and the text reflowed. */
  readonly #refit = (): void => this.#fit();

  override updated(): void {
    this.#fit();
  }

  /**
   * The later bookings the list has room for, whole, in order; the rest are counted on a line of
   * their own (the timeline shows them all). A booking is never shown half.
   */
  #fit(): void {
    const ol = this.renderRoot.querySelector('ol');
    const more = this.renderRoot.querySelector<HTMLElement>('.more');
    if (!ol || !more) return;
    const list = ol.parentElement!;
    const heading = list.querySelector('h2')!;
    const items = [...ol.children] as HTMLElement[];
    for (const li of items) li.hidden = false;
    more.hidden = true;
    heading.hidden = false;
    const fits = () => {
      const last = items.filter((li) => !li.hidden).at(-1);
      if (!last) return true;
      const bottom = Math.max(
        ...[last, ...last.children].map((e) => e.getBoundingClientRect().bottom),
      );
      return bottom <= ol.getBoundingClientRect().bottom + 0.5;
    };
    // Once the frame's layout has settled (a resize reaches the list in steps), fit once more.
    cancelAnimationFrame(this.#again);
    this.#again = requestAnimationFrame(() => {
      if (!fits()) this.#fit();
    });
    if (fits()) return;
    more.hidden = false;
    let hidden = 0;
    for (let i = items.length - 1; i >= 0 && !fits(); i--) {
      items[i]!.hidden = true;
      hidden += 1;
    }
    more.textContent = msg(str`另有 ${hidden} 项`, { id: 'door.more' });
    // No room even for the count (a tall field on a short screen): the timeline shows the day.
    if (more.getBoundingClientRect().bottom > list.getBoundingClientRect().bottom + 0.5)
      more.hidden = heading.hidden = true;
  }

  #topic(b: DoorBooking): string {
    return b.topic ?? msg('保密会议', { id: 'door.confidential' });
  }

  /** What the state means now, in one line: the time left, until when free, when it starts. */
  #line(s: DoorStatus): string {
    const b = s.current;
    switch (s.state) {
      case 'in-use':
        return b
          ? msg(str`剩余 ${s.minutesLeft ?? 0} 分钟 · 至 ${hhmm(b.end, this.zone)}`, {
              id: 'door.minutes-left',
            })
          : '';
      case 'waiting':
        return b ? msg(str`${hhmm(b.start, this.zone)} 开始`, { id: 'door.starts' }) : '';
      case 'starting-soon':
        return s.next
          ? msg(str`${hhmm(s.next.start, this.zone)} 有会议`, { id: 'door.starts-at' })
          : '';
      case 'free':
        return s.next
          ? msg(str`空闲至 ${hhmm(s.next.start, this.zone)}`, { id: 'door.free-until' })
          : msg('今天再无预订', { id: 'door.free-all-day' });
    }
  }

  #meeting(s: DoorStatus) {
    const b = s.current ?? (s.state === 'starting-soon' ? s.next : undefined);
    if (!b) return nothing;
    const organizer = nameOf(this.people, b.organizerId);
    const a = this.attendance;
    return html`<div class="meeting">
      <p class="topic" data-testid="current-topic" data-may-shorten>${this.#topic(b)}</p>
      <p class="meta">
        <span class="name">${hhmmSpan(b, this.zone)}</span>
        ${
          b.confidential
            ? nothing
            : html` ·
                <span class="name"
                  >${msg(str`组织者：${organizer}`, { id: 'door.organizer' })}</span
                >`
        }
        ${
          a
            ? html` ·
                <span class="name"
                  >${msg(str`已签到 ${a.signedIn}/${a.expected} 人`, { id: 'door.signed-in' })}</span
                >`
            : nothing
        }
      </p>
    </div>`;
  }

  /**
   * The day the timeline shows: the room's opening hours, within 07:00–21:00 for a room open
   * round the clock, widened to hold today's bookings and now.
   */
  #day(): { from: number; to: number } {
    const HOUR = 3_600_000;
    const spans = this.room ? openSpansOn(this.room, this.now, this.zone) : [];
    const today = this.status?.today ?? [];
    const midnight = startOfLocalDay(localDateOf(this.now, this.zone), this.zone);
    const open = Math.max(spans[0]?.start ?? midnight, midnight + 7 * HOUR);
    const close = Math.min(spans.at(-1)?.end ?? midnight + 24 * HOUR, midnight + 21 * HOUR);
    return {
      from: Math.min(open, this.now - HOUR / 2, ...today.map((b) => b.start)),
      to: Math.max(close, this.now + HOUR / 2, ...today.map((b) => b.end)),
    };
  }

  override render() {
    const lang = language();
    const s = this.status;
    const state = s?.state ?? 'free';
    const currentId = s?.current?.id;
    const later = (s?.today ?? []).filter((b) => b.id !== currentId);
    const blocks: DayBlock[] = (s?.today ?? []).map((b) => ({
      start: b.start,
      end: b.end,
      kind: b.id === currentId ? 'now' : b.status === 'pending' ? 'pending' : 'later',
    }));
    const day = this.#day();
    return html`
      <section
        class="field"
        data-state=${state}
        aria-label=${msg('会议室状态', { id: 'door.now' })}
      >
        <div class="head">
          <h1 style="--len:${emWidth(this.room?.name ?? '')}">
            ${this.room?.name ?? msg('未选择会议室', { id: 'door.no-room' })}
          </h1>
          ${this.room?.location ? html`<span class="where">${this.room.location}</span>` : nothing}
        </div>
        <div class="state">
          <state-badge .state=${state}></state-badge>
          ${lang === 'en' ? nothing : html`<p class="state-en" lang="en">${ENGLISH[state]}</p>`}
        </div>
        ${s ? html`<p class="left">${this.#line(s)}</p>` : nothing}
        ${
          s?.state === 'waiting' && this.releaseAt !== undefined
            ? html`<p class="hint">
                ${msg(str`${hhmm(this.releaseAt, this.zone)} 前未签到入场，会议室将被释放`, {
                  id: 'door.check-in-hint',
                })}
              </p>`
            : nothing
        }
        ${s ? this.#meeting(s) : nothing}
        <slot name="actions"></slot>
      </section>
      <div class="clock-row">
        <time class="clock" datetime=${new Date(this.now).toISOString()}
          >${hhmm(this.now, this.zone)}</time
        >
        <span class="date">${dayLabel(this.now, this.zone, lang)}</span>
      </div>
      <day-timeline
        .from=${day.from}
        .to=${day.to}
        .now=${this.now}
        .blocks=${blocks}
        .zone=${this.zone}
      ></day-timeline>
      <section class="list" aria-labelledby="today">
        <h2 id="today">${msg('今日后续预订', { id: 'door.today' })}</h2>
        ${
          later.length === 0
            ? html`<p>${msg('无', { id: 'door.none' })}</p>`
            : html`<ol>
                  ${later.map(
                    (b) =>
                      html`<li class=${b.status === 'pending' ? 'pending' : ''}>
                        <span class="when">${hhmmSpan(b, this.zone)}</span
                        ><span class="what" data-may-shorten
                          >${this.#topic(b)}${b.status === 'pending' ? msg('（待审批）', { id: 'door.pending' }) : nothing}</span
                        >
                      </li>`,
                  )}
                </ol>
                <p class="more" hidden></p>`
        }
      </section>
      <div class="extras">
        ${
          this.faults.length > 0
            ? html`<p class="faults" role="note">
                ⚠ ${msg('设备故障待修：', { id: 'door.faults' })}
                ${this.faults
                  .map((f) =>
                    lang === 'en' ? `${f.label} (${f.note})` : `${f.label}（${f.note}）`,
                  )
                  .join(lang === 'en' ? ', ' : '、')}
              </p>`
            : nothing
        }
        <ul class="rules" aria-label=${msg('会议室守则', { id: 'door.house-rules' })}>
          ${this.houseRules.map((r) => html`<li>${r.text[lang]}</li>`)}
        </ul>
        <slot name="tools"></slot>
      </div>
    `;
  }
}
customElements.define('door-display', DoorDisplay);

declare global {
  interface HTMLElementTagNameMap {
    'door-display': DoorDisplay;
  }
}
