import { LitElement, css, html } from 'lit';
import { localized, msg } from '@lit/localize';
import { base, screen } from './styles.js';
import { fire } from './events.js';

/** An item of the room that can be reported. */
export interface ReportableItem {
  readonly equipmentId: string;
  readonly label: string;
  /** Already reported and not yet repaired. */
  readonly faulty: boolean;
}

/**
 * Report a fault from the door (R-7): which item, what is wrong (a common problem by one tap, or in
 * one's own words). Fires `fault-reported` with `{ equipmentId, note }` and `cancel`.
 */
@localized()
export class FaultReport extends LitElement {
  static override properties = {
    items: { attribute: false },
    equipmentId: { state: true },
    note: { state: true },
  };

  static override styles = [
    base,
    screen,
    css`
      fieldset {
        border: none;
        padding: 0;
        margin: 0;
        display: flex;
        gap: 2vmin;
        flex-wrap: wrap;
      }
      legend {
        margin-bottom: 1.5vmin;
      }
      input {
        width: 100%;
        max-width: 100vmin;
        margin-top: 1vmin;
      }
      .actions {
        gap: 2vmin;
      }
    `,
  ];

  items: readonly ReportableItem[] = [];
  private equipmentId = '';
  private note = '';

  #problems(): string[] {
    return [
      msg('无法开机', { id: 'fault.no-power' }),
      msg('没有画面', { id: 'fault.no-picture' }),
      msg('没有声音', { id: 'fault.no-sound' }),
      msg('无法连接', { id: 'fault.no-connection' }),
      msg('损坏', { id: 'fault.broken' }),
    ];
  }

  override render() {
    return html`
      <h1>${msg('报告设备故障', { id: 'fault.title' })}</h1>
      <fieldset>
        <legend>${msg('哪件设备？', { id: 'fault.which' })}</legend>
        ${this.items.map(
          (i) =>
            html`<button
              data-equipment=${i.equipmentId}
              aria-pressed=${String(this.equipmentId === i.equipmentId)}
              @click=${() => (this.equipmentId = i.equipmentId)}
            >
              <span class="name">${i.label}</span
              >${i.faulty ? html` · ${msg('已报修', { id: 'fault.already' })}` : ''}
            </button>`,
        )}
      </fieldset>
      <fieldset>
        <legend>${msg('出了什么问题？', { id: 'fault.what' })}</legend>
        ${this.#problems().map((p) => html`<button aria-pressed=${String(this.note === p)} @click=${() => (this.note = p)}>${p}</button>`)}
        <input
          aria-label=${msg('其他问题，请描述', { id: 'fault.other' })}
          placeholder=${msg('其他问题，请描述', { id: 'fault.other' })}
          maxlength="200"
          .value=${this.note}
          @input=${(e: Event) => (this.note = (e.target as HTMLInputElement).value)}
        />
      </fieldset>
      <div class="actions">
        <button
          class="primary"
          ?disabled=${this.equipmentId === '' || this.note.trim() === ''}
          @click=${this.#report}
        >
          ${msg('提交报修', { id: 'fault.submit' })}
        </button>
        <button @click=${() => fire(this, 'cancel')}>
          ${msg('取消', { id: 'action.cancel' })}
        </button>
      </div>
    `;
  }

  #report(): void {
    fire(this, 'fault-reported', { equipmentId: this.equipmentId, note: this.note.trim() });
  }
}
customElements.define('fault-report', FaultReport);

declare global {
  interface HTMLElementTagNameMap {
    'fault-report': FaultReport;
  }
}
