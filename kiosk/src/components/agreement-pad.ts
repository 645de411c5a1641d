import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import SignaturePad from 'signature_pad';
import { base } from './styles.js';

/**
 * The confidentiality agreement (保密协议, R-8), signed by hand on the screen before a sign-in to a
 * confidential meeting is accepted. Fires `agreement-signed` with `{ image }` (a PNG data URL) and
 * `cancel`.
 */
@customElement('agreement-pad')
@localized()
export class AgreementPad extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: block;
      }
      .text {
        font-size: 1.25rem;
        line-height: 1.6;
        max-width: 60rem;
      }
      canvas {
        display: block;
        width: 100%;
        max-width: 60rem;
        height: 240px;
        background: #f8fafc;
        border-radius: 12px;
        touch-action: none;
      }
      .actions {
        display: flex;
        gap: 1rem;
        margin-top: 1rem;
      }
      p[role='alert'] {
        color: #fecaca;
        font-size: 1.3rem;
      }
    `,
  ];

  /** Whose signature this is, as shown to them. */
  @property() personName = '';
  /** The agreement's version in force. */
  @property({ type: Number }) version = 1;
  @query('canvas') private canvas!: HTMLCanvasElement;
  @state() private error = '';
  #pad: SignaturePad | undefined;

  override firstUpdated(): void {
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const rect = this.canvas.getBoundingClientRect();
    this.canvas.width = Math.max(1, Math.round(rect.width * ratio));
    this.canvas.height = Math.max(1, Math.round(rect.height * ratio));
    this.canvas.getContext('2d')?.scale(ratio, ratio);
    this.#pad = new SignaturePad(this.canvas, { penColor: '#0f172a' });
    this.#pad.addEventListener('endStroke', () => {
      this.error = '';
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pad?.off();
  }

  override render() {
    return html`
      <h2>${msg(str`保密协议(第 ${this.version} 版)`, { id: 'agreement.title' })}</h2>
      <p class="text">
        ${msg(
          '本人承诺:对会议内容、资料及讨论情况严格保密,不以任何形式向无关人员透露、复制或传播;会议资料会后按要求交回或销毁。违反本协议的,依公司规定处理。',
          { id: 'agreement.text' },
        )}
      </p>
      <p>${msg(str`签署人:${this.personName}。请在下方手写签名。`, { id: 'agreement.signer' })}</p>
      <canvas aria-label=${msg('手写签名区', { id: 'agreement.canvas' })} role="img"></canvas>
      ${this.error ? html`<p role="alert">${this.error}</p>` : ''}
      <div class="actions">
        <button @click=${this.#clear}>${msg('重写', { id: 'agreement.clear' })}</button>
        <button
          @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }))}
        >
          ${msg('取消', { id: 'action.cancel' })}
        </button>
        <button class="primary" @click=${this.#confirm}>
          ${msg('签署并签到', { id: 'agreement.confirm' })}
        </button>
      </div>
    `;
  }

  #clear(): void {
    this.#pad?.clear();
  }

  #confirm(): void {
    if (!this.#pad || this.#pad.isEmpty()) {
      this.error = msg('请先手写签名', { id: 'agreement.empty' });
      return;
    }
    const image = this.#pad.toDataURL('image/png');
    this.dispatchEvent(
      new CustomEvent('agreement-signed', { detail: { image }, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'agreement-pad': AgreementPad;
  }
}
