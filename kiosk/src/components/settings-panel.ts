import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import type { Room } from '@huiyi/core';
import type { Language } from '../services/settings.js';
import { base } from './styles.js';

/**
 * The settings behind the admin PIN (K-4): which room this tablet serves, its language, importing
 * a schedule file, exporting the event log, the PIN itself. Fires `settings-changed`
 * (`{ roomId, language }`), `import-file` (`{ name, text }`), `export-log`, `pin-changed`
 * (`{ pin }`) and `close`.
 */
@customElement('settings-panel')
@localized()
export class SettingsPanel extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      form,
      section {
        display: grid;
        gap: 1rem;
        max-width: 40rem;
        margin-bottom: 2rem;
      }
      label {
        font-size: 1.3rem;
      }
      .row {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
      }
      p[role='status'] {
        font-size: 1.3rem;
      }
    `,
  ];

  @property({ attribute: false }) rooms: readonly Room[] = [];
  @property() roomId = '';
  @property() language: Language = 'zh-CN';
  /** The outcome of the last import or export, to show. */
  @property() notice = '';
  @state() private newPin = '';

  override render() {
    return html`
      <h2>${msg('设置', { id: 'settings.title' })}</h2>
      <form @submit=${this.#save}>
        <label for="room">${msg('本平板服务的会议室', { id: 'settings.room' })}</label>
        <select id="room" name="room">
          ${this.rooms.map((r) => html`<option value=${r.id} ?selected=${r.id === this.roomId}>${r.name}</option>`)}
        </select>
        <label for="language">${msg('语言', { id: 'settings.language' })}</label>
        <select id="language" name="language">
          <option value="zh-CN" ?selected=${this.language === 'zh-CN'}>简体中文</option>
          <option value="en" ?selected=${this.language === 'en'}>English</option>
        </select>
        <div class="row">
          <button class="primary" type="submit">${msg('保存', { id: 'action.save' })}</button>
          <button type="button" @click=${() => this.#fire('close')}>
            ${msg('返回', { id: 'action.back' })}
          </button>
        </div>
      </form>
      <section aria-labelledby="data">
        <h2 id="data">${msg('数据', { id: 'settings.data' })}</h2>
        <label for="import"
          >${msg('导入日程文件(JSON):会议室、人员、预订、会议', { id: 'settings.import' })}</label
        >
        <input id="import" type="file" accept="application/json,.json" @change=${this.#import} />
        <div class="row">
          <button type="button" @click=${() => this.#fire('export-log')}>
            ${msg('导出事件日志', { id: 'settings.export' })}
          </button>
        </div>
        ${this.notice ? html`<p role="status">${this.notice}</p>` : ''}
      </section>
      <section aria-labelledby="pin">
        <h2 id="pin">${msg('修改管理员密码', { id: 'settings.pin' })}</h2>
        <label for="new-pin">${msg('新密码(4 到 8 位数字)', { id: 'settings.new-pin' })}</label>
        <input
          id="new-pin"
          inputmode="numeric"
          pattern="[0-9]{4,8}"
          autocomplete="off"
          .value=${this.newPin}
          @input=${(e: Event) => (this.newPin = (e.target as HTMLInputElement).value)}
        />
        <div class="row">
          <button
            type="button"
            ?disabled=${!/^\d{4,8}$/.test(this.newPin)}
            @click=${this.#changePin}
          >
            ${msg('修改密码', { id: 'settings.change-pin' })}
          </button>
        </div>
      </section>
    `;
  }

  #fire(type: string, detail: unknown = undefined): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #save(e: Event): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    this.#fire('settings-changed', {
      roomId: String(data.get('room') ?? ''),
      language: data.get('language') === 'en' ? 'en' : 'zh-CN',
    });
  }

  async #import(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const text = await file.text();
    input.value = '';
    this.#fire('import-file', { name: file.name, text });
  }

  #changePin(): void {
    this.#fire('pin-changed', { pin: this.newPin });
    this.newPin = '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'settings-panel': SettingsPanel;
  }
}
