import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import type { Person } from '@huiyi/core';
import { base } from './styles.js';
import './person-picker.js';

/**
 * Attendee sign-in and sign-out at the door (M-5): each person taps their name (or searches); the
 * sign-in officer can switch to signing in others, which is kept as done by the officer. A
 * confidential meeting shows no topic and no list of names: people search for themselves (R-8).
 * Fires `sign-in` / `sign-out` with `{ personId, byOfficer }`.
 */
@customElement('sign-in-panel')
@localized()
export class SignInPanel extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .bar {
        display: flex;
        gap: 1rem;
        align-items: center;
        flex-wrap: wrap;
        margin-bottom: 1rem;
      }
      .officer[aria-pressed='true'] {
        background: #854d0e;
        border-color: #facc15;
      }
      .count {
        font-size: 1.3rem;
      }
    `,
  ];

  @property() topic = '';
  @property({ type: Boolean }) confidential = false;
  /** The people expected at the meeting. */
  @property({ attribute: false }) attendees: readonly Person[] = [];
  /** Who is signed in now. */
  @property({ attribute: false }) signedIn: ReadonlySet<string> = new Set();
  /** The meeting's sign-in officer, if named. */
  @property({ attribute: false }) officer: Person | undefined;
  @state() private officerMode = false;

  override render() {
    const marks = new Map(
      [...this.signedIn].map((id) => [id, msg('已签到', { id: 'sign-in.mark' })]),
    );
    return html`
      <h2>
        ${this.confidential ? msg('保密会议签到', { id: 'sign-in.title-confidential' }) : msg(str`签到:${this.topic}`, { id: 'sign-in.title' })}
      </h2>
      <div class="bar">
        <span class="count" role="status"
          >${msg(str`已签到 ${this.signedIn.size} / ${this.attendees.length} 人`, { id: 'sign-in.count' })}</span
        >
        ${
          this.officer
            ? html`<button
                class="officer"
                aria-pressed=${String(this.officerMode)}
                @click=${() => (this.officerMode = !this.officerMode)}
              >
                ${
                  this.confidential
                    ? msg('签到负责人代签', { id: 'sign-in.officer-anonymous' })
                    : msg(str`签到负责人代签(${this.officer.name})`, { id: 'sign-in.officer' })
                }
              </button>`
            : nothing
        }
      </div>
      <p>
        ${
          this.officerMode
            ? msg('代签模式:点选参会人员为其签到;已签到者再点一次为其签退。', {
                id: 'sign-in.officer-hint',
              })
            : msg('请点选您的姓名签到;已签到者再点一次即签退。', { id: 'sign-in.hint' })
        }
      </p>
      <person-picker
        .people=${this.attendees}
        ?require-query=${this.confidential}
        .marks=${this.confidential ? new Map() : marks}
        @person-picked=${(e: CustomEvent<{ personId: string }>) => {
          e.stopPropagation();
          this.#tap(e.detail.personId);
        }}
      ></person-picker>
      ${
        this.confidential
          ? html`<p>
              ${msg('保密会议不显示参会名单,请输入姓名或工号查找自己。', { id: 'sign-in.confidential-hint' })}
            </p>`
          : nothing
      }
    `;
  }

  #tap(personId: string): void {
    const type = this.signedIn.has(personId) ? 'sign-out' : 'sign-in';
    this.dispatchEvent(
      new CustomEvent(type, {
        detail: { personId, byOfficer: this.officerMode },
        bubbles: true,
        composed: true,
      }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sign-in-panel': SignInPanel;
  }
}
