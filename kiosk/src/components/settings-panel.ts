import { LitElement, css, html, nothing } from 'lit';
import { localized, msg } from '@lit/localize';
import type { Rejection, Room } from '@huiyi/core';
import type { Language } from '../services/settings.js';
import { base, screen } from './styles.js';
import './rejection-note.js';
import { fire } from './events.js';

/** The kiosk's languages, each by its own name. */
const LANGUAGES: readonly (readonly [Language, string])[] = [
  ['zh-CN', '简体中文'],
  ['en', 'English'],
];

/**
 * The settings behind the admin PIN (K-4), a screen of the app like the others: which room this
 * tablet serves and its language (buttons, not a list box), importing a schedule file (its
 * refusal in view, naming the entry; a door of its own only: a door with a hub, `hub`, says its
 * schedule comes from the hub), exporting the event log, the PIN itself. Fires
 * `settings-changed` (`{ roomId, language }`), `import-file` (`{ name, text }`), `export-log`,
 * `pin-changed` (`{ pin }`) and `close`.
 */
@localized()
export class SettingsPanel extends LitElement {
  static override properties = {
    rooms: { attribute: false },
    roomId: {},
    language: {},
    notice: {},
    importError: { attribute: false },
    hub: { type: Boolean },
    newPin: { state: true },
    room: { state: true },
    chosenLanguage: { state: true },
  };

  static override styles = [
    base,
    screen,
    css`
      .columns {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 3vmin 5vmin;
        overflow: auto;
        min-height: 0;
        align-content: start;
      }
      section {
        display: flex;
        flex-direction: column;
        gap: 2vmin;
        min-width: 0;
      }
      section > button {
        align-self: flex-start;
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 1.5vmin;
      }
      .file {
        display: inline-flex;
        align-items: center;
        align-self: flex-start;
        min-height: 9vmin;
        padding: 0 3vmin;
        border-radius: 1.5vmin;
        border: 0.4vmin solid #94a3b8;
        background: #1e293b;
        cursor: pointer;
      }
      .file input {
        position: absolute;
        width: 1px;
        height: 1px;
        opacity: 0;
      }
      p[role='status'] {
        padding: 1.5vmin 2.5vmin;
        border-radius: 1.5vmin;
        background: #052e16;
        border: 0.4vmin solid #86efac;
      }
      .pin-row {
        display: flex;
        flex-wrap: wrap;
        gap: 1.5vmin;
      }
      .pin-row input {
        flex: 1 1 20vmin;
        min-width: 0;
        letter-spacing: 1vmin;
      }
      @media (max-aspect-ratio: 1/1) {
        .columns {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  rooms: readonly Room[] = [];
  roomId = '';
  language: Language = 'zh-CN';
  /** The outcome of the last save, import or export, to show. */
  notice = '';
  /** Why the last import was refused: kept in view until the next one. */
  importError: Rejection | undefined;
  /** A door with a hub: its schedule comes from the hub, and no file is offered. */
  hub = false;
  private newPin = '';
  private room: string | undefined;
  private chosenLanguage: Language | undefined;

  override render() {
    const room = this.room ?? this.roomId;
    const lang = this.chosenLanguage ?? this.language;
    return html`
      <h1>${msg('设置', { id: 'settings.title' })}</h1>
      ${this.notice ? html`<p role="status">${this.notice}</p>` : nothing}
      <div class="columns">
        <section aria-labelledby="room">
          <h2 id="room">${msg('本平板服务的会议室', { id: 'settings.room' })}</h2>
          <div class="choices" role="group" aria-labelledby="room">
            ${this.rooms.map(
              (r) =>
                html`<button
                  data-room=${r.id}
                  aria-pressed=${String(r.id === room)}
                  @click=${() => (this.room = r.id)}
                >
                  <span class="name">${r.name}</span>
                </button>`,
            )}
          </div>
          <h2 id="language">${msg('语言', { id: 'settings.language' })}</h2>
          <div class="choices" role="group" aria-labelledby="language">
            ${LANGUAGES.map(
              ([code, name]) =>
                html`<button
                  data-language=${code}
                  lang=${code}
                  aria-pressed=${String(lang === code)}
                  @click=${() => (this.chosenLanguage = code)}
                >
                  ${name}
                </button>`,
            )}
          </div>
          <div class="actions">
            <button class="primary" @click=${this.#save}>
              ${msg('保存', { id: 'action.save' })}
            </button>
            <button @click=${() => fire(this, 'close')}>
              ${msg('返回', { id: 'action.back' })}
            </button>
          </div>
        </section>
        <section aria-labelledby="data">
          <h2 id="data">${msg('数据', { id: 'settings.data' })}</h2>
          ${
            this.hub
              ? html`<p>
                  ${msg('本门牌已连接中心：日程由中心同步，不能导入文件', { id: 'hub.no-import' })}
                </p>`
              : html`<p>
                    ${msg('日程文件（JSON）：会议室、人员、预订、会议。整份导入，有一处不合规则就整份不导入。', { id: 'settings.import' })}
                  </p>
                  <label class="file">
                    ${msg('选择日程文件并导入', { id: 'settings.import-choose' })}
                    <input
                      id="import"
                      type="file"
                      accept="application/json,.json"
                      @change=${this.#import}
                    />
                  </label>`
          }
          ${this.importError ? html`<rejection-note .rejection=${this.importError}></rejection-note>` : nothing}
          <button class="export" @click=${() => fire(this, 'export-log')}>
            ${msg('导出事件日志', { id: 'settings.export' })}
          </button>
          <h2 id="pin">${msg('修改管理员密码', { id: 'settings.pin' })}</h2>
          <label for="new-pin">${msg('新密码（4 到 8 位数字）', { id: 'settings.new-pin' })}</label>
          <div class="pin-row">
            <input
              id="new-pin"
              inputmode="numeric"
              pattern="[0-9]{4,8}"
              autocomplete="off"
              .value=${this.newPin}
              @input=${(e: Event) => (this.newPin = (e.target as HTMLInputElement).value)}
            />
            <button ?disabled=${!/^\d{4,8}$/.test(this.newPin)} @click=${this.#changePin}>
              ${msg('修改密码', { id: 'settings.change-pin' })}
            </button>
          </div>
        </section>
      </div>
    `;
  }

  #save(): void {
    fire(this, 'settings-changed', {
      roomId: this.room ?? this.roomId,
      language: this.chosenLanguage ?? this.language,
    });
  }

  async #import(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    fire(this, 'import-file', { name: file.name, text });
  }

  #changePin(): void {
    fire(this, 'pin-changed', { pin: this.newPin });
    this.newPin = '';
  }
}
customElements.define('settings-panel', SettingsPanel);

declare global {
  interface HTMLElementTagNameMap {
    'settings-panel': SettingsPanel;
  }
}
