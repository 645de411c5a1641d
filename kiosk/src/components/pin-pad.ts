import { LitElement, css, html } from 'lit';
import { localized, msg } from '@lit/localize';
import { base, screen } from './styles.js';
import { fire } from './events.js';

/**
 * The admin PIN (K-4): digits by touch, or from a keyboard (digits, Backspace, Enter) while it is
 * shown. Fires `pin-entered` with `{ pin }`.
 */
@localized()
export class PinPad extends LitElement {
  static override properties = {
    error: {},
    digits: { state: true },
  };

  static override styles = [
    base,
    screen,
    css`
      :host {
        align-items: center;
      }
      .pad {
        display: flex;
        flex-direction: column;
        gap: 2vmin;
        width: min(100%, 64vmin);
        min-height: 0;
      }
      output {
        font-size: 7vmin;
        letter-spacing: 2vmin;
        min-height: 9vmin;
        text-align: center;
        border-bottom: 0.4vmin solid #94a3b8;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 1.5vmin;
      }
      .keys button {
        font-size: 5vmin;
        min-height: 10vmin;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  /** Shown after a wrong PIN. */
  error = '';
  private digits = '';
  readonly #onKey = (e: KeyboardEvent): void => {
    if (e.target instanceof HTMLInputElement) return;
    if (/^[0-9]$/.test(e.key)) this.#press(e.key);
    else if (e.key === 'Backspace') this.digits = this.digits.slice(0, -1);
    else if (e.key === 'Enter') this.#submit();
    else return;
    e.preventDefault();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('keydown', this.#onKey);
  }

  #press(d: string): void {
    if (this.digits.length < 8) this.digits += d;
  }

  override render() {
    return html`
      <div class="pad">
        <h1 id="pin-title">${msg('请输入管理员密码', { id: 'pin.title' })}</h1>
        <output aria-live="polite" aria-label=${msg('已输入位数', { id: 'pin.entered' })}
          >${'●'.repeat(this.digits.length)}</output
        >
        ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
        <div class="keys" role="group" aria-labelledby="pin-title">
          ${[...'123456789'].map((d) => html`<button data-digit=${d} @click=${() => this.#press(d)}>${d}</button>`)}
          <button
            @click=${() => (this.digits = this.digits.slice(0, -1))}
            aria-label=${msg('删除一位', { id: 'pin.delete' })}
          >
            ⌫
          </button>
          <button data-digit="0" @click=${() => this.#press('0')}>0</button>
          <button class="primary" @click=${this.#submit}>
            ${msg('确定', { id: 'action.ok' })}
          </button>
        </div>
      </div>
    `;
  }

  #submit(): void {
    const pin = this.digits;
    this.digits = '';
    fire(this, 'pin-entered', { pin });
  }
}
customElements.define('pin-pad', PinPad);

declare global {
  interface HTMLElementTagNameMap {
    'pin-pad': PinPad;
  }
}
