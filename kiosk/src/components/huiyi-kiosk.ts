import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localized, msg, str } from '@lit/localize';
import {
  DEFAULT_PARAMETERS,
  MINUTE,
  checklistFor,
  doorStatus,
  extensionOptions,
  expectedAttendees,
  hasSignedAgreement,
  isSignedIn,
  powerOffPending,
  localDateOf,
  startOfLocalDay,
  walkUpOptions,
  type Actor,
  type DoorStatus,
  type Meeting,
  type Person,
  type Rejection,
  type ExtensionOption,
  type RoomState,
} from '@huiyi/core';
import { ClockController } from '../controllers/clock-controller.js';
import { IdleController } from '../controllers/idle-controller.js';
import { WakeLockController } from '../controllers/wake-lock-controller.js';
import { kioskClock } from '../controllers/clock.js';
import { language, switchLanguage } from '../i18n/localization.js';
import type { KioskService, Outcome } from '../services/kiosk-service.js';
import { checkPin, hashPin, type KioskSettings, type Language } from '../services/settings.js';
import { ConfirmationsController } from '../controllers/confirmations-controller.js';
import { doorNotes } from './door-notes.js';
import { locateRejection, readScheduleFile } from '../services/schedule-file.js';
import type { SignatureCaptured } from '../services/kiosk-events.js';
import { upkeepStateOf } from '../services/kiosk-state.js';
import type { ChecklistAnswerInput, ChecklistLine } from './equipment-checklist.js';
import type { WalkUpOption } from './walk-up-panel.js';
import { base } from './styles.js';
import './door-display.js';
import './walk-up-panel.js';
import './sign-in-panel.js';
import './agreement-pad.js';
import './pin-pad.js';
import './settings-panel.js';
import './sync-badge.js';
import './refusal-list.js';
import './hub-enrolment.js';
import type { MutationRecord } from '@huiyi/store-idb';
import type { DoorSync } from '../sync/door-sync.js';
import './rejection-note.js';
import './fault-report.js';
import './equipment-checklist.js';
import './power-off-confirm.js';

/** The screens of the kiosk; every one but home returns home after a minute untouched (K-4). */
export type Screen =
  | 'home'
  | 'walk-up'
  | 'sign-in'
  | 'agreement'
  | 'fault'
  | 'checklist'
  | 'power-off'
  | 'pin'
  | 'settings'
  | 'refusals';

const ADMIN: Actor = { id: 'kiosk-admin', roles: ['room-admin'] };

/**
 * The door kiosk (K-1 … K-5): the door display and, behind its buttons, walk-up booking,
 * check-in, attendee sign-in and sign-out, extend and end early, the confidentiality agreement, and
 * the settings behind the admin PIN. Every action goes through the {@link KioskService}: the
 * screen confirms it only once it is in the log.
 */
@customElement('huiyi-kiosk')
@localized()
export class HuiyiKiosk extends LitElement {
  static override styles = [
    base,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        padding: 1.5rem 2rem;
        gap: 1.5rem;
        background: #0f172a;
      }
      main {
        flex: 1;
      }
      nav {
        display: flex;
        gap: 1rem;
        flex-wrap: wrap;
      }
      footer {
        display: flex;
        justify-content: space-between;
        align-items: center;
      }
      .done {
        font-size: 1.5rem;
        padding: 1rem 1.25rem;
        border-radius: 12px;
        border: 3px solid #22c55e;
        background: #052e16;
        margin: 0;
      }
      .gear {
        font-size: 1.1rem;
      }
      .confirmations {
        display: grid;
        gap: 0.5rem;
      }
      .door-notes p {
        font-size: 1.3rem;
        padding: 0.75rem 1rem;
        border-radius: 12px;
        border: 3px solid #f59e0b;
        margin: 0 0 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) service?: KioskService;
  /** Why the kiosk could not open its log (K-3), when it could not: shown in place of the door. */
  @property({ attribute: false }) unavailable?: Rejection;
  @property({ attribute: false }) settings?: KioskSettings;
  /** A new version of the app is waiting; it is taken only when the room is free and idle. */
  @property({ type: Boolean }) updateReady = false;
  /** Applies a waiting update (reloads the page). */
  @property({ attribute: false }) applyUpdate: (() => void) | undefined;
  /** The door and its hub (S-5): the badge's status, enrolment, the refused taps. */
  @property({ attribute: false }) sync?: DoorSync;
  /** Why the enrolment in the address (`?enrol=`) or in the settings failed. */
  @property({ attribute: false }) enrolRefusal: Rejection | undefined;
  @state() screen: Screen = 'home';
  @state() private refusals: readonly MutationRecord[] = [];
  @state() private enrolling = false;
  #unsync: (() => void) | undefined;
  @state() private rejection: Rejection | undefined;
  /** The confirmations on screen, each with its own lifetime (K-3). */
  readonly #confirmations = new ConfirmationsController(this);
  @state() private notice = '';
  @state() private pinError = '';
  @state() private signer: { personId: string; byOfficer: boolean } | undefined;
  /** The booking the checklist or the power-off confirmation is for. */
  @state() private taskBookingId: string | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #clock = new ClockController(this);
  readonly #idle = new IdleController(this, DEFAULT_PARAMETERS.kiosk.idleReturnSeconds * 1000, () =>
    this.#home(),
  );
  readonly #wakeLock = new WakeLockController(this);
  #lastRelease = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = this.service?.subscribe(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
    this.#unsync?.();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('sync')) {
      this.#unsync?.();
      this.#unsync = this.sync?.subscribe(() => this.requestUpdate());
    }
    if (changed.has('service')) {
      this.#unsubscribe?.();
      this.#unsubscribe = this.service?.subscribe(() => this.requestUpdate());
    }
  }

  get #params() {
    return DEFAULT_PARAMETERS;
  }

  get #room(): RoomState | undefined {
    const rooms = this.service?.state.bookings.rooms;
    if (!rooms) return undefined;
    return (
      (this.settings?.roomId ? rooms.get(this.settings.roomId) : undefined) ??
      rooms.values().next().value
    );
  }

  get #people(): ReadonlyMap<string, Person> {
    return this.service?.state.directory.people ?? new Map();
  }

  #meetingFor(bookingId: string | undefined): Meeting | undefined {
    if (!bookingId || !this.service) return undefined;
    for (const m of this.service.state.meetings.meetings.values()) {
      if (m.booking?.bookingId === bookingId && m.status !== 'cancelled' && m.status !== 'draft')
        return m;
    }
    return undefined;
  }

  /**
   * The meeting people sign in to at this door: the one in progress or waiting for check-in, or
   * the next one once its sign-in has opened (M-5: 15 min before the start, before check-in opens).
   */
  #signInMeeting(status: DoorStatus, now: number): Meeting | undefined {
    const current = this.#meetingFor(status.current?.id);
    if (current) return current;
    const next = status.next;
    const opens = this.#params.meetings.signInOpensMinutesBeforeStart * MINUTE;
    return next && now >= next.start - opens ? this.#meetingFor(next.id) : undefined;
  }

  #actorFor(personId: string): Actor {
    const p = this.#people.get(personId);
    return { id: personId, roles: p ? [...p.roles] : [] };
  }

  #doorActor(): Actor {
    return { id: `door:${this.#room?.room.id ?? 'unknown'}`, roles: [] };
  }

  #home(): void {
    this.screen = 'home';
    this.rejection = undefined;
    this.notice = '';
    this.pinError = '';
    this.signer = undefined;
    this.taskBookingId = undefined;
    if (this.updateReady && this.applyUpdate && this.#safeToUpdate()) this.applyUpdate();
  }

  /** An update reloads the page: only when nobody is using or waiting for the room (K-4). */
  #safeToUpdate(): boolean {
    const rs = this.#room;
    if (!rs) return true;
    const s = doorStatus(rs, kioskClock.now(), this.#params);
    return s.state === 'free' || s.state === 'starting-soon';
  }

  /** Runs a decision and shows its outcome; the confirmation appears only after the write. */
  async #run(what: Promise<Outcome>, done: string): Promise<boolean> {
    this.rejection = undefined;
    const outcome = await what;
    if (!outcome.ok) {
      this.rejection = outcome.rejection;
      return false;
    }
    this.#confirmations.show(done);
    return true;
  }

  #now(): number {
    return kioskClock.now();
  }

  override updated(): void {
    // Settle due no-shows about once a minute (R-4); nothing is written when none is due.
    const now = this.#now();
    const rs = this.#room;
    // A door with a hub leaves no-shows to the hub, which settles them (R-4).
    if (this.service && rs && !this.service.synced && now - this.#lastRelease > MINUTE) {
      this.#lastRelease = now;
      void this.service.dispatch({
        type: 'ReleaseNoShows',
        now,
        actor: this.#doorActor(),
        roomId: rs.room.id,
      });
    }
  }

  override render() {
    const rs = this.#room;
    if (!this.service) {
      if (!this.unavailable)
        return html`<p role="status">${msg('正在载入…', { id: 'app.loading' })}</p>`;
      return html`<main>
        <h2>${msg('门口屏无法打开本机存储', { id: 'app.unavailable' })}</h2>
        <rejection-note .rejection=${this.unavailable}></rejection-note>
        <p>${msg('请重试;若仍不行,请联系行政部。', { id: 'app.unavailable-hint' })}</p>
        <button class="primary" @click=${() => location.reload()}>
          ${msg('重试', { id: 'app.retry' })}
        </button>
      </main>`;
    }
    if (!rs) return this.#renderNoRoom();
    const now = this.#clock.now;
    const status = doorStatus(rs, now, this.#params);
    return html`
      <main>${this.#renderScreen(rs, status, now)}</main>
      ${doorNotes(rs, this.service.writer, now, this.#params.time.zone, this.#people)}
      ${this.rejection ? html`<rejection-note .rejection=${this.rejection}></rejection-note>` : nothing}
      ${this.#confirmations.region}
      <footer>
        <!-- With no server yet, every event in the log is still to be synchronised (K-3). -->
        <sync-badge
          .status=${this.sync?.status}
          .pending=${this.service.position}
          .zone=${this.#params.time.zone}
          @show-refusals=${() => void this.#showRefusals()}
        ></sync-badge>
        <button
          class="gear"
          @click=${() => (this.screen === 'home' ? (this.screen = 'pin') : this.#home())}
        >
          ${this.screen === 'home' ? msg('设置', { id: 'settings.title' }) : msg('返回首页', { id: 'action.home' })}
        </button>
      </footer>
    `;
  }

  #renderNoRoom() {
    return html`<main>
      <h2>${msg('还没有会议室', { id: 'app.no-rooms' })}</h2>
      <p>${msg('请在设置中导入日程文件。', { id: 'app.no-rooms-hint' })}</p>
      ${this.screen === 'settings' ? this.#renderSettings() : this.screen === 'pin' ? this.#renderPin() : html`<button @click=${() => (this.screen = 'pin')}>${msg('设置', { id: 'settings.title' })}</button>`}
      ${this.rejection ? html`<rejection-note .rejection=${this.rejection}></rejection-note>` : nothing}
    </main>`;
  }

  #renderScreen(rs: RoomState, status: DoorStatus, now: number) {
    switch (this.screen) {
      case 'walk-up':
        return html`<walk-up-panel
          .options=${this.#walkUpOptions(rs, now)}
          .people=${[...this.#people.values()]}
          .zone=${this.#params.time.zone}
          @walk-up=${(e: CustomEvent<{ minutes: number; personId: string }>) => this.#walkUp(rs, e.detail)}
        ></walk-up-panel>`;
      case 'sign-in':
        return this.#renderSignIn(status, now);
      case 'agreement':
        return html`<agreement-pad
          .personName=${this.signer ? (this.#people.get(this.signer.personId)?.name ?? '') : ''}
          .version=${this.#params.meetings.confidentialityAgreementVersion}
          @agreement-signed=${(e: CustomEvent<{ image: string }>) => this.#signAgreement(status, e.detail.image)}
          @cancel=${() => (this.screen = 'sign-in')}
        ></agreement-pad>`;
      case 'fault':
        return html`<fault-report
          .items=${this.#reportable(rs)}
          @fault-reported=${(e: CustomEvent<{ equipmentId: string; note: string }>) => this.#reportFault(rs, e.detail)}
          @cancel=${() => this.#home()}
        ></fault-report>`;
      case 'checklist':
        return html`<equipment-checklist
          .lines=${this.#checklistLines(rs, this.taskBookingId)}
          @checklist-done=${(e: CustomEvent<{ answers: ChecklistAnswerInput[] }>) => this.#completeChecklist(rs, e.detail.answers)}
          @skip=${() => this.#home()}
        ></equipment-checklist>`;
      case 'power-off':
        return this.#renderPowerOff(rs);
      case 'pin':
        return this.#renderPin();
      case 'settings':
        return this.#renderSettings();
      case 'refusals':
        return html`<refusal-list
          .items=${this.refusals}
          .bookings=${this.service?.state.bookings}
          .people=${this.#people}
          .zone=${this.#params.time.zone}
          @seen=${() => void this.#seenRefusals()}
          @close=${() => this.#home()}
        ></refusal-list>`;
      case 'home':
        return this.#renderHome(rs, status, now);
    }
  }

  #renderHome(rs: RoomState, status: DoorStatus, now: number) {
    const current = status.current;
    const meeting = this.#signInMeeting(status, now);
    const p = this.#params.rooms;
    const powerOff = this.#powerOffDue(rs, now);
    return html`
      <door-display
        .room=${rs.room}
        .status=${status}
        .people=${this.#people}
        .houseRules=${p.houseRules}
        .faults=${[...rs.faulty].map(([equipmentId, note]) => ({ label: this.#label(rs, equipmentId), note }))}
        .now=${now}
        .zone=${this.#params.time.zone}
      ></door-display>
      <nav aria-label=${msg('操作', { id: 'app.actions' })}>
        ${
          status.state === 'waiting' && current
            ? html`<button class="primary" @click=${() => this.#checkIn(rs, current.id)}>
                ${msg('签到入场', { id: 'action.check-in' })}
              </button>`
            : nothing
        }
        ${
          meeting
            ? html`<button @click=${() => (this.screen = 'sign-in')}>
                ${msg('参会人员签到', { id: 'action.sign-in' })}
              </button>`
            : nothing
        }
        ${
          status.state === 'in-use' && current
            ? html`${this.#extensionOptions(rs, current.id, now).map(
                  ({ minutes: m }) =>
                    html`<button @click=${() => this.#extend(rs, current.id, current.end, m)}>
                      ${msg(str`延长 ${m} 分钟`, { id: 'action.extend' })}
                    </button>`,
                )}
                <button class="danger" @click=${() => this.#endEarly(rs, current.id)}>
                  ${msg('提前结束', { id: 'action.end-early' })}
                </button>`
            : nothing
        }
        ${
          rs.room.walkUp &&
          (status.state === 'free' || status.state === 'starting-soon') &&
          this.#walkUpOptions(rs, now).length > 0
            ? html`<button class="primary" @click=${() => (this.screen = 'walk-up')}>
                ${msg('现场预订', { id: 'action.walk-up' })}
              </button>`
            : nothing
        }
        ${
          current && this.#checklistDue(rs, current.id)
            ? html`<button @click=${() => this.#open('checklist', current.id)}>
                ${msg('会前设备检查', { id: 'checklist.title' })}
              </button>`
            : nothing
        }
        ${
          powerOff
            ? html`<button @click=${() => this.#open('power-off', powerOff)}>
                ${msg('会后确认断电', { id: 'action.power-off' })}
              </button>`
            : nothing
        }
        ${
          rs.room.equipment.length > 0
            ? html`<button @click=${() => (this.screen = 'fault')}>
                ${msg('报告设备故障', { id: 'fault.title' })}
              </button>`
            : nothing
        }
      </nav>
    `;
  }

  #renderSignIn(status: DoorStatus, now: number) {
    const meeting = this.#signInMeeting(status, now);
    if (!meeting) return html`<p>${msg('当前没有需要签到的会议', { id: 'sign-in.none' })}</p>`;
    const people = expectedAttendees(meeting).map(
      (id) =>
        this.#people.get(id) ?? { id, name: id, department: '', employeeNumber: id, roles: [] },
    );
    const signedIn = new Set(
      people.filter((p) => isSignedIn(meeting.signIns, p.id)).map((p) => p.id),
    );
    const officer = meeting.signInOfficerId ? this.#people.get(meeting.signInOfficerId) : undefined;
    return html`<sign-in-panel
      .topic=${meeting.confidential ? '' : meeting.topic}
      ?confidential=${meeting.confidential}
      .attendees=${people}
      .signedIn=${signedIn}
      .officer=${officer}
      @sign-in=${(e: CustomEvent<{ personId: string; byOfficer: boolean }>) => this.#signIn(meeting, e.detail)}
      @sign-out=${(e: CustomEvent<{ personId: string; byOfficer: boolean }>) => this.#signOut(meeting, e.detail)}
    ></sign-in-panel>`;
  }

  #renderPin() {
    return html`<pin-pad
      .error=${this.pinError}
      @pin-entered=${(e: CustomEvent<{ pin: string }>) => this.#checkPin(e.detail.pin)}
    ></pin-pad>`;
  }

  #renderSettings() {
    const rooms = [...(this.service?.state.bookings.rooms.values() ?? [])].map((r) => r.room);
    return html`<settings-panel
        .rooms=${rooms}
        .roomId=${this.#room?.room.id ?? ''}
        .language=${language()}
        .notice=${this.notice}
        @settings-changed=${(e: CustomEvent<{ roomId: string; language: Language }>) => this.#saveSettings(e.detail)}
        @import-file=${(e: CustomEvent<{ name: string; text: string }>) => this.#import(e.detail.text)}
        @export-log=${() => this.#export()}
        @pin-changed=${(e: CustomEvent<{ pin: string }>) => this.#changePin(e.detail.pin)}
        @close=${() => this.#home()}
      ></settings-panel>
      ${
        this.sync
          ? html`<hub-enrolment
              .enrolment=${this.sync.enrolment}
              .status=${this.sync.status}
              .refusal=${this.enrolRefusal}
              .busy=${this.enrolling}
              .zone=${this.#params.time.zone}
              @enrol=${(e: CustomEvent<{ hub: string; code: string }>) => void this.#enrol(e.detail)}
              @unenrol=${() => void this.sync?.unenrol().then(() => this.requestUpdate())}
            ></hub-enrolment>`
          : nothing
      }`;
  }

  /** Enrols the door with a hub; once kept, the door opens again as the hub's (S-5). */
  async #enrol(d: { hub: string; code: string }): Promise<void> {
    if (!this.sync || this.enrolling) return;
    this.enrolling = true;
    this.enrolRefusal = undefined;
    const r = await this.sync.enrol(d.hub, d.code, `${this.#room?.room.name ?? 'kiosk'}`);
    this.enrolling = false;
    if (r.ok) location.replace(location.pathname);
    else this.enrolRefusal = r.rejection;
  }

  /** Opens the list of taps the hub refused. */
  async #showRefusals(): Promise<void> {
    this.refusals = (await this.sync?.refused()) ?? [];
    this.screen = 'refusals';
  }

  async #seenRefusals(): Promise<void> {
    await this.sync?.seen();
    this.#home();
  }

  /** The walk-ups on offer now, each with its real end (R-5): the core's, as the decider books them. */
  #walkUpOptions(rs: RoomState, now: number): WalkUpOption[] {
    const params = this.#params;
    return walkUpOptions(this.service!.state.bookings, rs.room.id, now, () => params);
  }

  /** The extensions on offer now (R-5): only those the room has free before the next booking. */
  #extensionOptions(rs: RoomState, bookingId: string, now: number): readonly ExtensionOption[] {
    const params = this.#params;
    return extensionOptions(this.service!.state.bookings, rs.room.id, bookingId, now, () => params);
  }

  async #walkUp(rs: RoomState, d: { minutes: number; personId: string }): Promise<void> {
    const ok = await this.#run(
      this.service!.dispatch({
        type: 'WalkUp',
        now: this.#now(),
        actor: this.#actorFor(d.personId),
        roomId: rs.room.id,
        bookingId: `walk-up-${crypto.randomUUID()}`,
        minutes: d.minutes,
      }),
      msg('已预订并签到入场', { id: 'done.walk-up' }),
    );
    if (ok) this.screen = 'home';
  }

  async #checkIn(rs: RoomState, bookingId: string): Promise<void> {
    const ok = await this.#run(
      this.service!.dispatch({
        type: 'CheckIn',
        now: this.#now(),
        actor: this.#doorActor(),
        roomId: rs.room.id,
        bookingId,
      }),
      msg('已签到入场', { id: 'done.check-in' }),
    );
    // The equipment checklist comes with check-in, for a meeting that needs equipment (R-7).
    if (ok && this.#checklistDue(rs, bookingId)) this.#open('checklist', bookingId);
  }

  #open(screen: 'checklist' | 'power-off', bookingId: string): void {
    this.taskBookingId = bookingId;
    this.screen = screen;
  }

  /** The organizer's checklist of a booking: the room's items of the kinds it needs (R-7). */
  #checklistLines(rs: RoomState, bookingId: string | undefined): ChecklistLine[] {
    const lines = bookingId
      ? checklistFor(upkeepStateOf(this.service!.state), rs.room.id, bookingId)
      : undefined;
    return (lines ?? []).map((l) => ({
      equipmentId: l.equipmentId,
      label: l.label ?? l.kind,
      ...(l.fault ? { fault: l.fault.note } : {}),
    }));
  }

  /** Whether a booking's checklist is still to be done: it needs equipment, and none was done. */
  #checklistDue(rs: RoomState, bookingId: string): boolean {
    const done = this.service!.state.upkeep.get(rs.room.id)?.checklists.has(bookingId) ?? false;
    return !done && this.#checklistLines(rs, bookingId).length > 0;
  }

  /** The latest meeting of today in this room that was used and is over, with the power not yet confirmed off. */
  #powerOffDue(rs: RoomState, now: number): string | undefined {
    const zone = this.#params.time.zone;
    const today = startOfLocalDay(localDateOf(now, zone), zone);
    return powerOffPending(upkeepStateOf(this.service!.state), now, rs.room.id)
      .filter((p) => p.endedAt >= today)
      .at(-1)?.bookingId;
  }

  #renderPowerOff(rs: RoomState) {
    const b = this.taskBookingId ? rs.bookings.get(this.taskBookingId) : undefined;
    if (!b) return nothing;
    const items = rs.room.equipment.filter((e) => b.equipment.includes(e.kind));
    return html`<power-off-confirm
      .topic=${b.confidential ? '' : b.topic}
      .items=${items.map((e) => e.label ?? e.kind)}
      @power-off-confirmed=${() => this.#confirmPowerOff(rs, b.id, b.organizerId)}
      @cancel=${() => this.#home()}
    ></power-off-confirm>`;
  }

  /** The checklist is the organizer's (R-7): the kiosk answers for the one who checked in at the door. */
  async #completeChecklist(rs: RoomState, answers: ChecklistAnswerInput[]): Promise<void> {
    const b = this.taskBookingId ? rs.bookings.get(this.taskBookingId) : undefined;
    if (!b) return;
    const faulty = answers.some((a) => a.result === 'faulty');
    const ok = await this.#run(
      this.service!.dispatch({
        type: 'CompleteChecklist',
        now: this.#now(),
        actor: this.#actorFor(b.organizerId),
        roomId: rs.room.id,
        bookingId: b.id,
        answers,
      }),
      faulty
        ? msg('检查已记录,故障已报修', { id: 'done.checklist-faulty' })
        : msg('设备检查已完成', { id: 'done.checklist' }),
    );
    if (ok) this.#home();
  }

  async #confirmPowerOff(rs: RoomState, bookingId: string, organizerId: string): Promise<void> {
    const ok = await this.#run(
      this.service!.dispatch({
        type: 'ConfirmPowerOff',
        now: this.#now(),
        actor: this.#actorFor(organizerId),
        roomId: rs.room.id,
        bookingId,
      }),
      msg('已确认全部断电,谢谢', { id: 'done.power-off' }),
    );
    if (ok) this.#home();
  }

  /** The label of an item of the room, as the room lists it. */
  #label(rs: RoomState, equipmentId: string): string {
    const item = rs.room.equipment.find((e) => e.id === equipmentId);
    return item?.label ?? item?.kind ?? equipmentId;
  }

  /** Every item of the room, with whether it is already reported faulty (R-7). */
  #reportable(rs: RoomState) {
    return rs.room.equipment.map((e) => ({
      equipmentId: e.id,
      label: e.label ?? e.kind,
      faulty: rs.faulty.has(e.id),
    }));
  }

  async #reportFault(rs: RoomState, d: { equipmentId: string; note: string }): Promise<void> {
    const ok = await this.#run(
      this.service!.dispatch({
        type: 'ReportEquipmentFault',
        now: this.#now(),
        actor: this.#doorActor(),
        roomId: rs.room.id,
        equipmentId: d.equipmentId,
        note: d.note,
      }),
      msg('故障已报修,行政部门会尽快处理', { id: 'done.fault' }),
    );
    if (ok) this.screen = 'home';
  }

  #extend(rs: RoomState, bookingId: string, fromEnd: number, minutes: number): void {
    void this.#run(
      this.service!.dispatch({
        type: 'ExtendBooking',
        now: this.#now(),
        actor: this.#doorActor(),
        roomId: rs.room.id,
        bookingId,
        minutes,
        fromEnd,
      }),
      msg(str`已延长 ${minutes} 分钟`, { id: 'done.extend' }),
    );
  }

  async #endEarly(rs: RoomState, bookingId: string): Promise<void> {
    const ok = await this.#run(
      this.service!.dispatch({
        type: 'EndEarly',
        now: this.#now(),
        actor: this.#doorActor(),
        roomId: rs.room.id,
        bookingId,
      }),
      msg('会议已结束,会议室已释放', { id: 'done.end-early' }),
    );
    // After the meeting, the organizer confirms everything is off (R-7).
    if (ok) this.#open('power-off', bookingId);
  }

  #signerActor(meeting: Meeting, d: { personId: string; byOfficer: boolean }): Actor {
    return d.byOfficer && meeting.signInOfficerId
      ? this.#actorFor(meeting.signInOfficerId)
      : this.#actorFor(d.personId);
  }

  #signIn(meeting: Meeting, d: { personId: string; byOfficer: boolean }): void {
    const version = this.#params.meetings.confidentialityAgreementVersion;
    if (
      meeting.confidential &&
      !hasSignedAgreement(this.service!.state.meetings, d.personId, version)
    ) {
      this.signer = d;
      this.screen = 'agreement';
      return;
    }
    const name = this.#people.get(d.personId)?.name ?? d.personId;
    void this.#run(
      this.service!.dispatch({
        type: 'SignIn',
        now: this.#now(),
        actor: this.#signerActor(meeting, d),
        meetingId: meeting.id,
        ...(d.byOfficer ? { personId: d.personId } : {}),
      }),
      meeting.confidential
        ? msg('签到成功', { id: 'done.sign-in-anonymous' })
        : msg(str`${name} 签到成功`, { id: 'done.sign-in' }),
    );
  }

  #signOut(meeting: Meeting, d: { personId: string; byOfficer: boolean }): void {
    const name = this.#people.get(d.personId)?.name ?? d.personId;
    void this.#run(
      this.service!.dispatch({
        type: 'SignOut',
        now: this.#now(),
        actor: this.#signerActor(meeting, d),
        meetingId: meeting.id,
        ...(d.byOfficer ? { personId: d.personId } : {}),
      }),
      meeting.confidential
        ? msg('签退成功', { id: 'done.sign-out-anonymous' })
        : msg(str`${name} 已签退`, { id: 'done.sign-out' }),
    );
  }

  async #signAgreement(status: DoorStatus, image: string): Promise<void> {
    const now = this.#now();
    const meeting = this.#signInMeeting(status, now);
    const d = this.signer;
    if (!meeting || !d) return;
    const actor = this.#signerActor(meeting, d);
    const signatureId = `sig-${crypto.randomUUID()}`;
    const signature: SignatureCaptured = {
      type: 'SignatureCaptured',
      signatureId,
      personId: d.personId,
      image,
    };
    const ok = await this.#run(
      this.service!.dispatchAll(
        [
          {
            type: 'SignConfidentialityAgreement',
            now,
            actor,
            personId: d.personId,
            version: this.#params.meetings.confidentialityAgreementVersion,
            signatureRef: signatureId,
            meetingId: meeting.id,
          },
          {
            type: 'SignIn',
            now,
            actor,
            meetingId: meeting.id,
            ...(d.byOfficer ? { personId: d.personId } : {}),
          },
        ],
        [signature],
      ),
      msg('已签署保密协议并签到', { id: 'done.agreement' }),
    );
    // After a refusal (a full disk …) the pad stays, with its signer, so the signature can be confirmed again.
    if (ok) {
      this.signer = undefined;
      this.screen = 'sign-in';
    }
  }

  async #checkPin(pin: string): Promise<void> {
    if (this.settings && (await checkPin(pin, this.settings.pin))) {
      this.pinError = '';
      this.screen = 'settings';
    } else {
      this.pinError = msg('密码错误', { id: 'pin.wrong' });
    }
  }

  async #saveSettings(d: { roomId: string; language: Language }): Promise<void> {
    if (!this.settings || !this.service) return;
    this.notice = '';
    const next = { ...this.settings, roomId: d.roomId || undefined, language: d.language };
    // Said "saved" only once kept (K-3): a power cut after this loses nothing.
    const kept = await this.service.keepSettings(next);
    if (!kept.ok) {
      this.rejection = kept.rejection;
      return;
    }
    this.settings = next;
    await switchLanguage(d.language);
    this.notice = msg('设置已保存', { id: 'settings.saved' });
  }

  async #changePin(pin: string): Promise<void> {
    if (!this.settings || !this.service) return;
    this.notice = '';
    const next = { ...this.settings, pin: await hashPin(pin) };
    const kept = await this.service.keepSettings(next);
    if (!kept.ok) {
      this.rejection = kept.rejection;
      return;
    }
    this.settings = next;
    this.notice = msg('管理员密码已修改', { id: 'settings.pin-changed' });
  }

  async #import(text: string): Promise<void> {
    this.notice = '';
    if (this.sync?.synced) {
      // A door with a hub takes its schedule from the hub, never from a file.
      this.notice = msg('本门牌已连接中心:日程由中心同步,不能导入文件', { id: 'hub.no-import' });
      return;
    }
    const read = readScheduleFile(text, this.#now(), ADMIN);
    if (!read.ok) {
      this.rejection = read.rejection;
      return;
    }
    const outcome = await this.service!.dispatchAll(read.value.commands);
    if (!outcome.ok) {
      this.rejection = locateRejection(outcome.rejection, read.value.sources);
      return;
    }
    this.rejection = undefined;
    this.notice = msg(str`日程文件已导入:${read.value.commands.length} 项`, {
      id: 'settings.imported',
    });
  }

  async #export(): Promise<void> {
    const events = await (await this.service!.log()).readAfter(0);
    const blob = new Blob(
      [JSON.stringify({ format: 'huiyi-event-log', version: 1, events }, null, 2)],
      { type: 'application/json' },
    );
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `huiyi-events-${new Date(this.#now()).toISOString().slice(0, 10)}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
    this.notice = msg(str`已导出 ${events.length} 条事件`, { id: 'settings.exported' });
  }

  /** For tests: whether the screen is being kept on. */
  get wakeLockState(): string {
    return this.#wakeLock.state;
  }

  /** How long the screen waits untouched before it returns home (K-4; tests shorten it). */
  set idleTimeoutMs(ms: number) {
    this.#idle.timeoutMs = ms;
  }

  /** For tests and the idle return: restart the idle wait. */
  touch(): void {
    this.#idle.reset();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'huiyi-kiosk': HuiyiKiosk;
  }
}
