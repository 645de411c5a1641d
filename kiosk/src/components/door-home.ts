import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { localized, msg, str } from '@lit/localize';
import {
  MINUTE,
  expectedAttendees,
  isSignedIn,
  type DoorBooking,
  type DoorStatus,
  type PolicyParameters,
  type RoomState,
} from '@huiyi/core';
import { DoorController } from '../door/door-context.js';
import type { Door } from '../door/door.js';
import { checklistDue, extendOptions, powerOffDue, walkUpOptions } from '../door/questions.js';
import { hhmm } from '../i18n/format.js';
import { base } from './styles.js';
import './door-display.js';

/** When a booking waiting for check-in is released if nobody checks in; never for a long one. */
function releaseAt(b: DoorBooking, params: PolicyParameters): number | undefined {
  const p = params.rooms;
  return b.end - b.start >= p.checkInExemptFromMinutes * MINUTE
    ? undefined
    : b.start + p.checkInClosesMinutesAfterStart * MINUTE;
}

/** What the action row shows: the state's actions, the extensions on offer, or "end now?". */
type Row = 'actions' | 'extend' | 'confirm-end';

/** How long a question in the action row waits before it goes back (the brief's 5 s). */
const REVERT_MS = 5_000;
/** A tap this soon after a question appears belongs to the tap that asked it (a double tap). */
const GHOST_MS = 500;

/**
 * The home screen (K-1, K-2): the door sign, and in its field one large primary action for the
 * state, always in the same place: free, 现场预订; waiting, 签到入场; in use, 参会签到 with extend
 * (only lengths that fit) and end (asked once) beside it. Reads and acts through the door given by
 * the shell's context.
 */
@localized()
export class DoorHome extends LitElement {
  static override properties = {
    row: { state: true },
  };

  static override styles = [
    base,
    css`
      :host {
        display: block;
        height: 100%;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 2vmin;
        align-items: center;
      }
      nav button {
        border-color: currentColor;
        background: transparent;
        color: inherit;
      }
      /* The shared primary look (it outweighs nav button), larger. */
      nav button.primary {
        min-height: 11vmin;
        font-size: 4.5vmin;
        padding: 0 4vmin;
      }
      nav button.confirm {
        background: #ffffff;
        border-color: #ffffff;
        color: #7f1d1d;
        font-weight: 700;
      }
      nav .ask {
        flex-basis: 100%;
        font-weight: 700;
      }
      .tools {
        display: flex;
        flex-wrap: wrap;
        gap: 1.5vmin;
      }
      .tools button {
        min-height: 8vmin;
        padding: 0 2vmin;
      }
    `,
  ];

  readonly #door = new DoorController(this);
  private row: Row = 'actions';
  #rowSince = 0;
  #revert: ReturnType<typeof setTimeout> | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#revert);
  }

  #show(row: Row): void {
    clearTimeout(this.#revert);
    this.row = row;
    this.#rowSince = performance.now();
    if (row !== 'actions') this.#revert = setTimeout(() => (this.row = 'actions'), REVERT_MS);
  }

  /** Whether a tap on a question's buttons came too soon after it appeared to be meant for it. */
  #ghost(): boolean {
    return performance.now() - this.#rowSince < GHOST_MS;
  }

  /** A button of the action row: inactive while any command is in flight, busy if it is its own. */
  #button(
    label: string,
    action: string,
    onTap: () => void,
    kind: 'primary' | 'confirm' | '' = '',
  ): TemplateResult {
    const inFlight = this.#door.door?.inFlight;
    return html`<button
      class=${kind}
      data-action=${action}
      ?disabled=${inFlight !== undefined}
      aria-busy=${inFlight?.startsWith(action.split('-')[0]!) ? 'true' : 'false'}
      @click=${onTap}
    >
      ${label}
    </button>`;
  }

  /** The state's actions: free, 现场预订; waiting, 签到入场; in use, 参会签到, 延长, 提前结束. */
  #actions(door: Door, rs: RoomState, s: DoorStatus, now: number): TemplateResult[] {
    const state = door.service.state;
    const meeting = door.signInMeeting(now);
    const current = s.current;
    const out: TemplateResult[] = [];
    if (current && s.state === 'waiting')
      out.push(
        this.#button(
          msg('签到入场', { id: 'action.check-in' }),
          'check-in',
          () => void door.checkIn(current.id),
          'primary',
        ),
      );
    if (meeting && s.state !== 'free')
      out.push(
        this.#button(
          msg('参会签到', { id: 'action.sign-in' }),
          'sign-in',
          () => door.go({ name: 'sign-in', meetingId: meeting.id }),
          s.state === 'waiting' ? '' : 'primary',
        ),
      );
    if (current && s.state === 'in-use') {
      if (extendOptions(state, rs.room.id, current.id, now, door.policy).length > 0)
        out.push(
          this.#button(msg('延长', { id: 'action.extend-open' }), 'extend', () =>
            this.#show('extend'),
          ),
        );
      out.push(
        this.#button(msg('提前结束', { id: 'action.end-early' }), 'end', () =>
          this.#show('confirm-end'),
        ),
      );
    }
    if (
      (s.state === 'free' || s.state === 'starting-soon') &&
      walkUpOptions(state, rs.room.id, now, door.policy).length > 0
    )
      out.push(
        this.#button(
          msg('现场预订', { id: 'action.walk-up' }),
          'walk-up',
          () => door.go({ name: 'walk-up' }),
          s.state === 'free' ? 'primary' : '',
        ),
      );
    return out;
  }

  /** The room's upkeep, beside the day: the checklist before a meeting, the power-off after, a fault. */
  #tools(door: Door, rs: RoomState, s: DoorStatus, now: number): TemplateResult[] {
    const state = door.service.state;
    const out: TemplateResult[] = [];
    const checklistOf = s.current?.id ?? (s.state === 'starting-soon' ? s.next?.id : undefined);
    // It comes with check-in; offered on the door only until the meeting runs, never during it.
    if (
      checklistOf &&
      s.state !== 'in-use' &&
      checklistDue(state, rs.room.id, checklistOf, now, door.policy)
    )
      out.push(
        this.#button(msg('设备检查', { id: 'action.checklist' }), 'checklist', () =>
          door.go({ name: 'checklist', bookingId: checklistOf }),
        ),
      );
    const powerOff = powerOffDue(state, rs.room.id, now, door.policy);
    if (powerOff)
      out.push(
        this.#button(msg('会后确认断电', { id: 'action.power-off' }), 'power-off', () =>
          door.go({ name: 'power-off', bookingId: powerOff }),
        ),
      );
    if (rs.room.equipment.length > 0)
      out.push(
        this.#button(msg('报告设备故障', { id: 'fault.title' }), 'fault', () =>
          door.go({ name: 'fault' }),
        ),
      );
    return out;
  }

  #extendRow(door: Door, rs: RoomState, s: DoorStatus, now: number): TemplateResult[] {
    const current = s.current;
    if (!current) return [];
    return [
      ...extendOptions(door.service.state, rs.room.id, current.id, now, door.policy).map((o) =>
        this.#button(
          msg(str`延长 ${o.minutes} 分钟，至 ${hhmm(o.end, door.params(now).time.zone)}`, {
            id: 'action.extend',
          }),
          `extend-${o.minutes}`,
          () => {
            if (this.#ghost()) return;
            void door.extend(current.id, current.end, o.minutes).then(() => this.#show('actions'));
          },
        ),
      ),
      this.#button(msg('返回', { id: 'action.back' }), 'back', () => this.#show('actions')),
    ];
  }

  #confirmRow(door: Door, s: DoorStatus): TemplateResult[] {
    const current = s.current;
    if (!current) return [];
    return [
      html`<p class="ask">${msg('现在结束会议并释放会议室？', { id: 'door.end-ask' })}</p>`,
      // The confirmation stands where the trigger did not: a second tap of 提前结束 lands on 返回.
      this.#button(
        msg('确认结束', { id: 'action.end-confirm' }),
        'end-confirm',
        () => {
          if (this.#ghost()) return;
          this.#show('actions');
          void door.endEarly(current.id);
        },
        'confirm',
      ),
      this.#button(msg('返回', { id: 'action.back' }), 'back', () => this.#show('actions')),
    ];
  }

  override render() {
    const door = this.#door.door;
    const rs = door?.room;
    if (!door || !rs) return nothing;
    const now = door.now();
    const params = door.params(now);
    const s = door.status(now)!;
    const row = s.state === 'in-use' ? this.row : 'actions';
    const meeting = door.signInMeeting(now);
    const expected = meeting ? expectedAttendees(meeting) : [];
    const attendance = meeting
      ? {
          signedIn: expected.filter((id) => isSignedIn(meeting.signIns, id)).length,
          expected: expected.length,
        }
      : undefined;
    const buttons =
      row === 'extend'
        ? this.#extendRow(door, rs, s, now)
        : row === 'confirm-end'
          ? this.#confirmRow(door, s)
          : this.#actions(door, rs, s, now);
    return html`<door-display
      .room=${rs.room}
      .status=${s}
      .people=${door.people}
      .houseRules=${params.rooms.houseRules}
      .faults=${[...rs.faulty].map(([equipmentId, note]) => {
        const item = rs.room.equipment.find((e) => e.id === equipmentId);
        return { label: item?.label ?? item?.kind ?? equipmentId, note };
      })}
      .attendance=${attendance}
      .releaseAt=${s.state === 'waiting' && s.current ? releaseAt(s.current, params) : undefined}
      .now=${now}
      .zone=${params.time.zone}
      ?night=${door.night}
      @slot-picked=${(e: CustomEvent<{ at: number }>) => door.pickSlot(e.detail.at)}
    >
      <nav slot="actions" aria-label=${msg('操作', { id: 'app.actions' })}>${buttons}</nav>
      <div slot="tools" class="tools">${this.#tools(door, rs, s, now)}</div>
    </door-display>`;
  }
}
customElements.define('door-home', DoorHome);

declare global {
  interface HTMLElementTagNameMap {
    'door-home': DoorHome;
  }
}
