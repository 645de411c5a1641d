import { LitElement, css, html } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { base, screen } from './styles.js';
import { fire } from './events.js';

/**
 * After the meeting (R-7): the organizer confirms every piece of equipment, the lights and the air
 * conditioning are off. Fires `power-off-confirmed` and `cancel`.
 */
@localized()
export class PowerOffConfirm extends LitElement {
  static override properties = {
    topic: {},
    items: { attribute: false },
  };

  static override styles = [
    base,
    screen,
    css`
      ul {
        line-height: 1.6;
        margin: 0;
      }
      .actions {
        gap: 2vmin;
      }
    `,
  ];

  /** The meeting's topic, or nothing for a confidential one. */
  topic = '';
  /** The room's equipment, as labels. */
  items: readonly string[] = [];

  override render() {
    return html`
      <h1>
        ${this.topic ? msg(str`会后确认：${this.topic}`, { id: 'power-off.title-topic' }) : msg('会后确认', { id: 'power-off.title' })}
      </h1>
      <p>${msg('请确认以下设备及灯光、空调均已关闭：', { id: 'power-off.ask' })}</p>
      <ul>
        ${this.items.map((i) => html`<li>${i}</li>`)}
        <li>${msg('灯光与空调', { id: 'power-off.lights' })}</li>
      </ul>
      <div class="actions">
        <button class="primary" @click=${() => fire(this, 'power-off-confirmed')}>
          ${msg('已全部关闭', { id: 'power-off.confirm' })}
        </button>
        <button @click=${() => fire(this, 'cancel')}>
          ${msg('稍后', { id: 'power-off.later' })}
        </button>
      </div>
    `;
  }
}
customElements.define('power-off-confirm', PowerOffConfirm);

declare global {
  interface HTMLElementTagNameMap {
    'power-off-confirm': PowerOffConfirm;
  }
}
