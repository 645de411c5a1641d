import { LitElement, css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg } from '@lit/localize';
import { base } from './styles.js';

/** The admin PIN (K-4): digits by touch, fires `pin-entered` with `{ pin }`. */
@customElement('pin-pad')
@localized()
export class PinPad extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
        max-width: 24rem;
      }
      output {
        display: block;
        font-size: 2.4rem;
        letter-spacing: 0.6rem;
        min-height: 3.5rem;
        text-align: center;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.75rem;
      }
      .keys button {
        font-size: 2rem;
        min-height: 80px;
      }
      p[role='alert'] {
        color: #fecaca;
        font-size: 1.3rem;
      }
    `,
  ];

  /** Shown after a wrong PIN. */
  @property() error = '';
  @state() private digits = '';

  #press(d: string): void {
    if (this.digits.length < 8) this.digits += d;
  }

  override render() {
    return html`
      <h2 id="pin-title">${msg('请输入管理员密码', { id: 'pin.title' })}</h2>
      <output aria-live="polite" aria-label=${msg('已输入位数', { id: 'pin.entered' })}
        >${'●'.repeat(this.digits.length)}</output
      >
      ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
      <div class="keys" role="group" aria-labelledby="pin-title">
        ${['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => html`<button data-digit=${d} @click=${() => this.#press(d)}>${d}</button>`)}
        <button
          @click=${() => (this.digits = this.digits.slice(0, -1))}
          aria-label=${msg('删除一位', { id: 'pin.delete' })}
        >
          ⌫
        </button>
        <button data-digit="0" @click=${() => this.#press('0')}>0</button>
        <button class="primary" @click=${this.#submit}>${msg('确定', { id: 'action.ok' })}</button>
      </div>
    `;
  }

  #submit(): void {
    const pin = this.digits;
    this.digits = '';
    this.dispatchEvent(
      new CustomEvent('pin-entered', { detail: { pin }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pin-pad': PinPad;
  }
}
