import { LitElement, css, html } from 'lit';
import { localized, msg, str } from '@lit/localize';
import { base, screen } from './styles.js';
import { fire } from './events.js';

/** One line of the checklist: an item of the room, and its fault if it is already faulty. */
export interface ChecklistLine {
  readonly equipmentId: string;
  readonly label: string;
  /** The open fault's note, when the item is faulty: it is shown, not checked again. */
  readonly fault?: string;
}

/** The organizer's answer for one item. */
export interface ChecklistAnswerInput {
  readonly equipmentId: string;
  readonly result: 'ok' | 'faulty';
  readonly note?: string;
}

/**
 * The equipment checklist at check-in (R-7): the organizer checks each item the meeting needs and
 * marks it working or faulty (with what is wrong). Faulty items already reported are listed as such.
 * Fires `checklist-done` with `{ answers }` and `skip`.
 */
@localized()
export class EquipmentChecklist extends LitElement {
  static override properties = {
    lines: { attribute: false },
    answers: { state: true },
  };

  static override styles = [
    base,
    screen,
    css`
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 2vmin;
      }
      li {
        display: grid;
        grid-template-columns: minmax(20vmin, auto) auto auto 1fr;
        gap: 2vmin;
        align-items: center;
      }
      button[aria-pressed='true'].ok {
        background: #166534;
        border-color: #86efac;
        color: #ffffff;
      }
      button[aria-pressed='true'].faulty {
        background: #7f1d1d;
        border-color: #fca5a5;
        color: #ffffff;
      }
      .known {
        grid-column: 2 / -1;
        color: #fecaca;
      }
      .actions {
        gap: 2vmin;
      }
    `,
  ];

  lines: readonly ChecklistLine[] = [];
  private answers = new Map<string, { result: 'ok' | 'faulty'; note: string }>();

  #set(equipmentId: string, result: 'ok' | 'faulty', note = ''): void {
    const next = new Map(this.answers);
    next.set(equipmentId, { result, note: note || (this.answers.get(equipmentId)?.note ?? '') });
    this.answers = next;
  }

  override render() {
    const open = this.lines.filter((l) => l.fault === undefined);
    const complete = open.every((l) => {
      const a = this.answers.get(l.equipmentId);
      return a !== undefined && (a.result === 'ok' || a.note.trim() !== '');
    });
    return html`
      <h1>${msg('会前设备检查', { id: 'checklist.title' })}</h1>
      <ul>
        ${this.lines.map((l) => {
          if (l.fault !== undefined) {
            return html`<li>
              <span>${l.label}</span
              ><span class="known"
                >${msg(str`故障待修：${l.fault}`, { id: 'checklist.known-fault' })}</span
              >
            </li>`;
          }
          const a = this.answers.get(l.equipmentId);
          return html`<li>
            <span id=${`label-${l.equipmentId}`}>${l.label}</span>
            <button
              class="ok"
              aria-pressed=${String(a?.result === 'ok')}
              aria-describedby=${`label-${l.equipmentId}`}
              @click=${() => this.#set(l.equipmentId, 'ok')}
            >
              ${msg('正常', { id: 'checklist.ok' })}
            </button>
            <button
              class="faulty"
              aria-pressed=${String(a?.result === 'faulty')}
              aria-describedby=${`label-${l.equipmentId}`}
              @click=${() => this.#set(l.equipmentId, 'faulty')}
            >
              ${msg('有故障', { id: 'checklist.faulty' })}
            </button>
            ${
              a?.result === 'faulty'
                ? html`<input
                    aria-label=${msg(str`${l.label}的故障情况`, { id: 'checklist.note' })}
                    .value=${a.note}
                    @input=${(e: Event) => this.#set(l.equipmentId, 'faulty', (e.target as HTMLInputElement).value)}
                  />`
                : html`<span></span>`
            }
          </li>`;
        })}
      </ul>
      <div class="actions">
        <button class="primary" ?disabled=${!complete} @click=${this.#done}>
          ${msg('检查完毕', { id: 'checklist.done' })}
        </button>
        <button @click=${() => fire(this, 'skip')}>
          ${msg('稍后再查', { id: 'checklist.skip' })}
        </button>
      </div>
    `;
  }

  #done(): void {
    const answers: ChecklistAnswerInput[] = this.lines
      .filter((l) => l.fault === undefined)
      .map((l) => {
        const a = this.answers.get(l.equipmentId) ?? { result: 'ok' as const, note: '' };
        return a.result === 'faulty'
          ? { equipmentId: l.equipmentId, result: 'faulty', note: a.note.trim() }
          : { equipmentId: l.equipmentId, result: 'ok' };
      });
    fire(this, 'checklist-done', { answers });
  }
}
customElements.define('equipment-checklist', EquipmentChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'equipment-checklist': EquipmentChecklist;
  }
}
