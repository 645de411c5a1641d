import { LitElement, css, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { DEFAULT_PARAMETERS, MINUTE, occupied, type BookingState, type Person } from '@huiyi/core';
import type { MutationRecord } from '@huiyi/store-idb';
import { hhmm, hhmmSpan, listComma, nameOf } from '../i18n/format.js';
import { language } from '../i18n/localization.js';
import { isRejection } from '../sync/protocol.js';
import { base } from './styles.js';
import { fire } from './events.js';

/**
 * The taps the hub refused (S-2: nothing a person did is silently dropped): each with what it
 * was and when, why the hub refused it, what the hub holds in its place, and the alternatives the
 * rules offer. Fires `seen` (the staff have read them) and `close`.
 */
@localized()
export class RefusalList extends LitElement {
  static override properties = {
    items: { attribute: false },
    bookings: { attribute: false },
    people: { attribute: false },
    zone: {},
  };

  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        padding: 0;
        display: grid;
        gap: 1rem;
      }
      li {
        border: 3px solid #f87171;
        border-radius: 12px;
        padding: 1rem 1.25rem;
        background: #1f0a0a;
        font-size: 1.4rem;
        display: grid;
        gap: 0.4rem;
      }
      .what {
        font-weight: 700;
      }
      .rule {
        font-size: 1rem;
        color: #fecaca;
      }
      .row {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
      }
    `,
  ];

  /** The refused commands, newest first. */
  items: readonly MutationRecord[] = [];
  /** The door's state now: what the hub holds in the refused tap's place. */
  bookings: BookingState | undefined;
  people: ReadonlyMap<string, Person> = new Map();
  zone: string = DEFAULT_PARAMETERS.time.zone;

  #what(m: MutationRecord): string {
    const c = (m.command ?? {}) as { type?: string; minutes?: number; personId?: string };
    const at = hhmm(m.at, this.zone);
    switch (c.type) {
      case 'WalkUp':
        return msg(str`${at} 现场预订 ${c.minutes ?? 0} 分钟`, { id: 'refused.walk-up' });
      case 'CheckIn':
        return msg(str`${at} 签到入场`, { id: 'refused.check-in' });
      case 'ExtendBooking':
        return msg(str`${at} 延长会议`, { id: 'refused.extend' });
      case 'EndEarly':
        return msg(str`${at} 提前结束`, { id: 'refused.end-early' });
      case 'SignIn':
      case 'SignOut':
        return msg(str`${at} ${nameOf(this.people, c.personId ?? '')} 参会签到或签退`, {
          id: 'refused.sign-in',
        });
      default:
        return msg(str`${at} 门口屏操作（${c.type ?? '?'}）`, { id: 'refused.other' });
    }
  }

  /** What the hub holds where the tap wanted to be: the bookings in its room at its time. */
  #instead(m: MutationRecord): string[] {
    const c = (m.command ?? {}) as { roomId?: string; minutes?: number; bookingId?: string };
    const rs = c.roomId ? this.bookings?.rooms.get(c.roomId) : undefined;
    if (!rs) return [];
    const end = m.at + (c.minutes ?? 30) * MINUTE;
    return [...rs.bookings.values()]
      .filter((b) => b.id !== c.bookingId)
      .flatMap((b) => {
        const o = occupied(b);
        return o && o.start < end && m.at < o.end
          ? [`${hhmmSpan(o, this.zone)} ${nameOf(this.people, b.organizerId)}`]
          : [];
      });
  }

  #alternatives(data: Readonly<Record<string, unknown>>): string[] {
    const out: string[] = [];
    const slots = Array.isArray(data['slots'])
      ? (data['slots'] as { start: number; end: number }[])
      : [];
    for (const s of slots)
      if (typeof s?.start === 'number' && typeof s.end === 'number')
        out.push(hhmmSpan(s, this.zone));
    const rooms = Array.isArray(data['rooms']) ? (data['rooms'] as { name?: unknown }[]) : [];
    for (const r of rooms) if (typeof r?.name === 'string') out.push(r.name);
    if (typeof data['freeFrom'] === 'number')
      out.push(msg(str`${hhmm(data['freeFrom'], this.zone)} 后空闲`, { id: 'refused.free-from' }));
    return out;
  }

  override render() {
    return html`
      <h2>${msg('被中心拒绝的操作', { id: 'refused.title' })}</h2>
      ${
        this.items.length === 0
          ? html`<p>${msg('没有被拒绝的操作', { id: 'refused.none' })}</p>`
          : html`<ol>
              ${this.items.map((m) => {
                const r = isRejection(m.rejection) ? m.rejection : undefined;
                const instead = this.#instead(m);
                const alternatives = r ? this.#alternatives(r.data) : [];
                return html`<li>
                  <span class="what">${this.#what(m)}</span>
                  <span
                    >${r ? r.message[language()] : msg('中心未接受此操作', { id: 'refused.no-reason' })}
                    ${r ? html`<span class="rule">${r.rule}</span>` : nothing}</span
                  >
                  ${
                    instead.length > 0
                      ? html`<span
                          >${msg(str`中心已接受：${instead.join(listComma(language()))}`, { id: 'refused.instead' })}</span
                        >`
                      : nothing
                  }
                  ${
                    alternatives.length > 0
                      ? html`<span
                          >${msg(str`可选：${alternatives.join(listComma(language()))}`, {
                            id: 'refused.alternatives',
                          })}</span
                        >`
                      : nothing
                  }
                </li>`;
              })}
            </ol>`
      }
      <div class="row">
        ${
          this.items.length > 0
            ? html`<button class="primary" @click=${() => fire(this, 'seen')}>
                ${msg('知道了', { id: 'refused.seen' })}
              </button>`
            : nothing
        }
        <button @click=${() => fire(this, 'close')}>${msg('返回', { id: 'action.back' })}</button>
      </div>
    `;
  }
}
customElements.define('refusal-list', RefusalList);

declare global {
  interface HTMLElementTagNameMap {
    'refusal-list': RefusalList;
  }
}
