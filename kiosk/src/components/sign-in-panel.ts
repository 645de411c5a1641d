import { LitElement, css, html, nothing } from 'lit';
import { localized, msg, str } from '@lit/localize';
import type { Person } from '@huiyi/core';
import { base, screen } from './styles.js';
import { fire } from './events.js';

/**
 * Attendee sign-in and sign-out at the door (M-5), two distinct actions: a person taps their name
 * to sign in; a signed-in person's name is marked and stays put, and 签退 beside it signs them
 * out. The sign-in officer first says who they are, then signs others in and out (kept as done by
 * them). A confidential meeting shows no topic and no names: a person enters their full employee
 * number or full name, never a part of either (R-8).
 *
 * Fires `sign-in` / `sign-out` with `{ personId }`, `exact-entry` with `{ entry, out }` (the
 * confidential form), `officer-chosen` with `{ personId }` or `{ entry }`, and `officer-done`.
 */
@localized()
export class SignInPanel extends LitElement {
  static override properties = {
    topic: {},
    confidential: { type: Boolean },
    attendees: { attribute: false },
    signedIn: { attribute: false },
    officer: { attribute: false },
    hasOfficer: { type: Boolean, attribute: 'has-officer' },
    officerId: {},
    busy: { type: Boolean },
    choosingOfficer: { state: true },
    entry: { state: true },
  };

  static override styles = [
    base,
    screen,
    css`
      .bar {
        display: flex;
        gap: 2vmin 3vmin;
        align-items: center;
        flex-wrap: wrap;
      }
      .officer-on {
        padding: 1.5vmin 2.5vmin;
        border-radius: 1.5vmin;
        background: #fef08a;
        color: #1a1a1a;
        font-weight: 700;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        /* Fixed columns: a row that changes (signed in, 签退 beside it) never moves the others. */
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 72vmin), 1fr));
        gap: 2vmin;
        overflow: auto;
        min-height: 0;
        align-content: start;
      }
      li {
        display: flex;
        gap: 1vmin;
        min-width: 0;
      }
      .who {
        flex: 1 1 auto;
        text-align: left;
        padding: 1vmin 3vmin;
        display: flex;
        flex-direction: column;
        justify-content: center;
      }
      .out-slot {
        visibility: hidden;
        display: inline-flex;
        align-items: center;
        padding: 0 3vmin;
        border: 0.4vmin solid transparent;
      }
      .who[disabled] {
        opacity: 1;
        background: #14532d;
        border-color: #86efac;
        cursor: default;
      }
      .who small {
        font-size: 3.5vmin;
        color: #cbd5e1;
        white-space: normal;
      }
      /* A Latin name may wrap between its words; a Chinese name never breaks (keep-all). */
      .who .name {
        white-space: normal;
      }
      .who[disabled] small {
        color: #dcfce7;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 2vmin;
        align-items: center;
      }
      label {
        flex-basis: 100%;
      }
      input {
        flex: 1 1 40vmin;
        min-width: 0;
      }
    `,
  ];

  topic = '';
  confidential = false;
  /** The people expected at the meeting (none at a confidential one: nobody is listed). */
  attendees: readonly Person[] = [];
  /** Who is signed in now. */
  signedIn: ReadonlySet<string> = new Set();
  /** The meeting's sign-in officer (at a confidential meeting only whether there is one: `hasOfficer`). */
  officer: Person | undefined;
  hasOfficer = false;
  /** The officer signing others in, once they said who they are. */
  officerId: string | undefined;
  /** A command is in flight: every action waits. */
  busy = false;
  /** The officer is saying who they are. */
  private choosingOfficer = false;
  private entry = '';

  override render() {
    const expected = this.confidential ? undefined : this.attendees.length;
    return html`
      <h1>
        ${this.confidential ? msg('保密会议签到', { id: 'sign-in.title-confidential' }) : msg(str`参会签到：${this.topic}`, { id: 'sign-in.title' })}
      </h1>
      <div class="bar">
        <p class="count" role="status">
          ${
            expected === undefined
              ? msg(str`已签到 ${this.signedIn.size} 人`, { id: 'sign-in.count-only' })
              : msg(str`已签到 ${this.signedIn.size} / ${expected} 人`, { id: 'sign-in.count' })
          }
        </p>
        ${this.#officerBar()}
      </div>
      ${this.choosingOfficer ? this.#chooseOfficer() : this.confidential ? this.#exactForm() : this.#list()}
    `;
  }

  #officerBar() {
    if (this.officerId) {
      const name = this.confidential ? '' : (this.officer?.name ?? '');
      return html`<p class="officer-on">
          ${name ? msg(str`代签中：${name}（签到负责人）`, { id: 'sign-in.officer-on' }) : msg('代签中：签到负责人', { id: 'sign-in.officer-on-anonymous' })}
        </p>
        <button ?disabled=${this.busy} @click=${() => fire(this, 'officer-done')}>
          ${msg('结束代签', { id: 'sign-in.officer-done' })}
        </button>`;
    }
    if (!this.officer && !this.hasOfficer) return nothing;
    return this.choosingOfficer
      ? nothing
      : html`<button class="officer" @click=${() => (this.choosingOfficer = true)}>
          ${msg('签到负责人代签', { id: 'sign-in.officer-anonymous' })}
        </button>`;
  }

  /** The officer says who they are first: their name to tap, or (confidential) their number. */
  #chooseOfficer() {
    const cancel = html`<button @click=${() => (this.choosingOfficer = false)}>
      ${msg('取消', { id: 'action.cancel' })}
    </button>`;
    if (this.confidential || !this.officer) {
      return html`<form @submit=${this.#submitOfficer}>
        <label for="officer"
          >${msg('签到负责人请先输入自己的完整工号或全名', { id: 'sign-in.officer-who-exact' })}</label
        >
        <input id="officer" autocomplete="off" .value=${this.entry} @input=${this.#type} />
        <button class="primary" type="submit">${msg('确定', { id: 'action.ok' })}</button>
        ${cancel}
      </form>`;
    }
    const officer = this.officer;
    return html`<p>${msg('签到负责人请先点选自己：', { id: 'sign-in.officer-who' })}</p>
      <div class="actions">
        <button
          class="who"
          data-officer=${officer.id}
          @click=${() => {
            this.choosingOfficer = false;
            fire(this, 'officer-chosen', { personId: officer.id });
          }}
        >
          <span class="name">${officer.name}</span>
          <small>${officer.department} · ${officer.employeeNumber}</small>
        </button>
        ${cancel}
      </div>`;
  }

  #submitOfficer(e: Event): void {
    e.preventDefault();
    const entry = this.entry;
    this.entry = '';
    this.choosingOfficer = false;
    fire(this, 'officer-chosen', { entry });
  }

  #type(e: Event): void {
    this.entry = (e.target as HTMLInputElement).value;
  }

  /** At a confidential meeting: a full number or name, then sign in or sign out (R-8). */
  #exactForm() {
    const send = (out: boolean) => (e: Event) => {
      e.preventDefault();
      const entry = this.entry;
      // The next person finds the field empty, not this entry.
      this.entry = '';
      fire(this, 'exact-entry', { entry, out });
    };
    return html`<form @submit=${send(false)}>
        <label for="entry"
          >${
            this.officerId
              ? msg('请输入参会人员的完整工号或全名', { id: 'sign-in.exact-other' })
              : msg('请输入您的完整工号或全名', { id: 'sign-in.exact' })
          }</label
        >
        <input id="entry" autocomplete="off" .value=${this.entry} @input=${this.#type} />
        <button class="primary" type="submit" ?disabled=${this.busy}>
          ${msg('签到', { id: 'sign-in.do' })}
        </button>
        <button type="button" ?disabled=${this.busy} @click=${send(true)}>
          ${msg('签退', { id: 'sign-in.undo' })}
        </button>
      </form>
      <p>
        ${msg('保密会议不显示名单。只认完整的工号或全名，输入一部分找不到任何人。', { id: 'sign-in.confidential-hint' })}
      </p>`;
  }

  #list() {
    return html`<p>
        ${
          this.officerId
            ? msg('代签：点参会人员的姓名为其签到；点“签退”为其签退。', {
                id: 'sign-in.officer-hint',
              })
            : msg('请点您的姓名签到。离开时，点姓名旁的“签退”。', { id: 'sign-in.hint' })
        }
      </p>
      <ul>
        ${this.attendees.map((p) => {
          const signed = this.signedIn.has(p.id);
          return html`<li>
            <button
              class="who"
              data-person=${p.id}
              ?disabled=${signed || this.busy}
              @click=${() => fire(this, 'sign-in', { personId: p.id })}
            >
              <span class="name">${p.name}${signed ? html` ✓` : nothing}</span>
              <small
                >${p.department} ·
                ${p.employeeNumber}${signed ? ` · ${msg('已签到', { id: 'sign-in.mark' })}` : ''}</small
              >
            </button>
            ${
              signed
                ? html`<button
                    data-sign-out=${p.id}
                    ?disabled=${this.busy}
                    aria-label=${msg(str`${p.name} 签退`, { id: 'sign-in.undo-for' })}
                    @click=${() => fire(this, 'sign-out', { personId: p.id })}
                  >
                    ${msg('签退', { id: 'sign-in.undo' })}
                  </button>`
                : // Its place is kept: signing in never slides 签退 under the finger that tapped.
                  html`<span class="out-slot" aria-hidden="true"
                    >${msg('签退', { id: 'sign-in.undo' })}</span
                  >`
            }
          </li>`;
        })}
      </ul>`;
  }
}
customElements.define('sign-in-panel', SignInPanel);

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-panel': SignInPanel;
  }
}
