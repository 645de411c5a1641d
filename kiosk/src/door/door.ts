import { msg, str } from '@lit/localize';
import {
  DEFAULT_PARAMETERS,
  MINUTE,
  doorStatus,
  hasSignedAgreement,
  isSignedIn,
  reject,
  type ChecklistAnswer,
  type DoorStatus,
  type Meeting,
  type Person,
  type PolicyLookup,
  type PolicyParameters,
  type Rejection,
  type RoomState,
} from '@huiyi/core';
import type { KioskService, Outcome } from '../services/kiosk-service.js';
import type { DoorSync } from '../sync/door-sync.js';
import type { KioskSettings, Language } from '../services/settings.js';
import { downloadLog, keepPin, keepRoomAndLanguage, pinMatches } from './admin.js';
import { systemClock, type Clock } from './clock.js';
import { doorCommands, type Signer, type Who } from './commands.js';
import { GestureGuard } from './gesture.js';
import { findExactly } from './find-exactly.js';
import {
  checklistLines,
  isInvitee,
  signInMeeting,
  slotOptions,
  walkUpOptions,
} from './questions.js';
import { hhmm } from '../i18n/format.js';
import type { Flash, Screen } from './screen.js';

/** What a door is made of: its service, its clock, the policy in force, the tablet's settings. */
export interface DoorOptions {
  readonly service: KioskService;
  readonly settings: KioskSettings;
  /** Default: the tablet's clock. */
  readonly clock?: Clock;
  /** The parameters in force at a moment for a room (default: the policy's defaults). */
  readonly policy?: PolicyLookup;
  /** The door's sync with its hub (S-5), when it has one. */
  readonly sync?: DoorSync;
}

/** How long a confirmation stays, and a refusal. */
const DONE_MS = 4_000;
const REFUSED_MS = 12_000;

/**
 * The door, without its pixels (an element draws; this acts): which screen is shown,
 * what was just done or refused, and every action a person can take at the door, each one
 * gesture, one command. Elements read it and call it; it tells them when anything changed.
 */
export class Door {
  readonly service: KioskService;
  readonly clock: Clock;
  readonly policy: PolicyLookup;
  settings: KioskSettings;
  screen: Screen = { name: 'home' };
  flash: Flash | undefined;
  /** The door's sync with its hub (S-5); `undefined` for a door with no hub. */
  sync: DoorSync | undefined;
  /** Why the last enrolment failed, if it did. */
  enrolRefusal: Rejection | undefined;
  /** Whether an enrolment is under way. */
  enrolling = false;
  /** Dimmed for the night (the shell decides): the sign shows less, and a first tap only wakes it. */
  night = false;
  /** Where a confirmation goes once its command is written (the shell's confirmations, each with its own lifetime); without it, the flash. */
  onConfirmed: ((text: string) => void) | undefined;
  readonly #guard = new GestureGuard();
  readonly #listeners = new Set<() => void>();
  #flashTimer: ReturnType<typeof setTimeout> | undefined;
  #lastRelease = Number.NEGATIVE_INFINITY;
  /** When a later slot's screen opened (the page's clock): a double tap's second half is no name. */
  #pickedAt = Number.NEGATIVE_INFINITY;

  constructor(options: DoorOptions) {
    this.service = options.service;
    this.settings = options.settings;
    this.clock = options.clock ?? systemClock;
    this.policy = options.policy ?? (() => DEFAULT_PARAMETERS);
    this.sync = options.sync;
  }

  /**
   * Calls back whenever the door changed (a screen, a flash, a command in flight).
   *
   * @param listener - told of each change
   * @returns a function that stops it
   */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells every listener the door changed. */
  changed(): void {
    for (const listener of this.#listeners) listener();
  }

  /** The time now, from the door's clock. */
  now(): number {
    return this.clock.now();
  }

  /** The room this tablet serves: the one in the settings, else the first known. */
  get room(): RoomState | undefined {
    const rooms = this.service.state.bookings.rooms;
    const id = this.settings.roomId;
    return (id ? rooms.get(id) : undefined) ?? rooms.values().next().value;
  }

  /** The parameters in force now for this room (P-1, P-3). */
  params(now = this.now()): PolicyParameters {
    const roomId = this.room?.room.id;
    return this.policy(now, roomId ? { roomId } : {});
  }

  /** The directory. */
  get people(): ReadonlyMap<string, Person> {
    return this.service.state.directory.people;
  }

  /** The door's status now, when it serves a room. */
  status(now = this.now()): DoorStatus | undefined {
    const rs = this.room;
    return rs ? doorStatus(rs, now, this.params(now)) : undefined;
  }

  /** The gesture whose command is in flight: every action waits while it is. */
  get inFlight(): string | undefined {
    return this.#guard.inFlight;
  }

  #who(): Who {
    return { roomId: this.room?.room.id ?? 'unknown', people: this.people };
  }

  /** Shows a screen. */
  go(screen: Screen): void {
    this.screen = screen;
    this.changed();
  }

  /** Back to the door: clears a refusal (a confirmation stays its few seconds). */
  home(): void {
    this.screen = { name: 'home' };
    if (this.flash?.kind === 'refused') this.#setFlash(undefined);
    this.changed();
  }

  /** Says what happened; a confirmation goes after 4 s, a refusal after 12 s. */
  #setFlash(flash: Flash | undefined): void {
    clearTimeout(this.#flashTimer);
    this.flash = flash;
    if (flash) {
      this.#flashTimer = setTimeout(
        () => {
          if (this.flash === flash) {
            this.flash = undefined;
            this.changed();
          }
        },
        flash.kind === 'done' ? DONE_MS : REFUSED_MS,
      );
    }
  }

  /** Puts a refusal away. */
  dismiss(): void {
    this.#setFlash(undefined);
    this.changed();
  }

  /**
   * One gesture: runs the command unless it repeats the last tap or another is in flight, and
   * says what happened once it is written (K-3).
   */
  async #act(key: string, run: () => Promise<Outcome>, done: () => string): Promise<boolean> {
    const outcome = await this.#guard.run(key, run, () => this.changed());
    if (outcome === undefined) return false;
    if (outcome.ok && this.onConfirmed) {
      // Each confirmation its own node and lifetime (the shell's); a refusal shown is put away.
      this.#setFlash(undefined);
      this.onConfirmed(done());
    } else
      this.#setFlash(
        outcome.ok
          ? { kind: 'done', text: done() }
          : { kind: 'refused', rejection: outcome.rejection },
      );
    this.changed();
    return outcome.ok;
  }

  /** Refuses at the door, without asking the core (the answer must not say more than it). */
  #refuse(rejection: Rejection): void {
    this.#setFlash({ kind: 'refused', rejection });
    this.changed();
  }

  /** Settles due no-shows about once a minute; nothing is written when none is due. */
  tick(): void {
    const now = this.now();
    // A door with a hub leaves no-shows to the hub, which settles them.
    if (this.room && !this.service.synced && now - this.#lastRelease >= MINUTE) {
      this.#lastRelease = now;
      void this.service.dispatch(doorCommands.releaseNoShows(this.#who(), now));
    }
    this.changed();
  }

  /** Checks in the booking waiting at the door; its equipment checklist comes next. */
  async checkIn(bookingId: string): Promise<void> {
    const ok = await this.#act(
      `check-in:${bookingId}`,
      () => this.service.dispatch(doorCommands.checkIn(this.#who(), this.now(), bookingId)),
      () => msg('已签到入场', { id: 'done.check-in' }),
    );
    const roomId = this.room?.room.id;
    if (ok && roomId && checklistDueAtCheckIn(this, roomId, bookingId))
      this.go({ name: 'checklist', bookingId });
  }

  /** Books the room now for `minutes` as the person who tapped their name. */
  async walkUp(minutes: number, personId: string): Promise<void> {
    const bookingId = `walk-up-${crypto.randomUUID()}`;
    const ok = await this.#act(
      `walk-up`,
      () =>
        this.service.dispatch(
          doorCommands.walkUp(this.#who(), this.now(), personId, minutes, bookingId),
        ),
      () => msg('已预订并签到入场', { id: 'done.walk-up' }),
    );
    if (ok) this.go({ name: 'home' });
  }

  /**
   * A quarter hour of today's timeline tapped: the one under way, the walk-up (book
   * now); a later one, the lengths on offer from it; a past one or none on offer, the rule that
   * refuses, in words.
   */
  pickSlot(start: number): void {
    const roomId = this.room?.room.id;
    if (!roomId || this.inFlight) return;
    const now = this.now();
    const underWay = start <= now && now < start + 15 * MINUTE;
    if (underWay && walkUpOptions(this.service.state, roomId, now, this.policy).length > 0)
      return this.go({ name: 'walk-up' });
    const from = underWay ? Math.ceil(now / MINUTE) * MINUTE : start;
    const { options, refusal } = slotOptions(this.service.state, roomId, from, now, this.policy);
    if (options.length === 0) return refusal && this.#refuse(refusal);
    this.#pickedAt = performance.now();
    this.#setFlash(undefined);
    this.go({ name: 'book', start: from });
  }

  /** Books the later slot shown for `minutes` as the person who tapped their name. */
  async bookLater(minutes: number, personId: string): Promise<void> {
    const s = this.screen;
    const roomId = this.room?.room.id;
    if (s.name !== 'book' || !roomId || performance.now() - this.#pickedAt < 500) return;
    const o = slotOptions(this.service.state, roomId, s.start, this.now(), this.policy).options;
    const end = o.find((x) => x.minutes === minutes)?.end ?? s.start + minutes * MINUTE;
    const bookingId = `door-${crypto.randomUUID()}`;
    const zone = this.params().time.zone;
    const ok = await this.#act(
      `book:${s.start}`,
      () =>
        this.service.dispatch(
          doorCommands.book(this.#who(), this.now(), personId, bookingId, s.start, end),
        ),
      () =>
        this.room?.bookings.get(bookingId)?.status === 'pending'
          ? msg('预订申请已提交，待行政部门审批', { id: 'done.book-pending' })
          : msg(str`已预订 ${hhmm(s.start, zone)}–${hhmm(end, zone)}`, { id: 'done.book' }),
    );
    if (ok) this.go({ name: 'home' });
  }

  /** Extends the meeting in progress from the end the person saw. */
  async extend(bookingId: string, fromEnd: number, minutes: number): Promise<boolean> {
    return this.#act(
      `extend:${bookingId}`,
      () =>
        this.service.dispatch(
          doorCommands.extend(this.#who(), this.now(), bookingId, fromEnd, minutes),
        ),
      () => msg(str`已延长 ${minutes} 分钟`, { id: 'done.extend' }),
    );
  }

  /** Ends the meeting now, once confirmed; then asks for the power-off check. */
  async endEarly(bookingId: string): Promise<void> {
    const ok = await this.#act(
      `end:${bookingId}`,
      () => this.service.dispatch(doorCommands.endEarly(this.#who(), this.now(), bookingId)),
      () => msg('会议已结束，会议室已释放', { id: 'done.end-early' }),
    );
    if (ok) this.go({ name: 'power-off', bookingId });
  }

  /** The meeting people sign in to now (M-5), if any. */
  signInMeeting(now = this.now()): Meeting | undefined {
    const roomId = this.room?.room.id;
    return roomId ? signInMeeting(this.service.state, roomId, now, this.policy) : undefined;
  }

  #meeting(meetingId: string): Meeting | undefined {
    return this.service.state.meetings.meetings.get(meetingId);
  }

  #needsAgreement(meeting: Meeting, personId: string): boolean {
    if (!meeting.confidential) return false;
    const version = this.params().meetings.confidentialityAgreementVersion;
    // a non-invitee gets the same answer as an invitee who has not signed the agreement.
    return (
      !isInvitee(meeting, personId) ||
      !hasSignedAgreement(this.service.state.meetings, personId, version)
    );
  }

  /** Signs a person in (M-5); at a confidential meeting, the agreement first when it is due. */
  async signIn(meetingId: string, signer: Signer): Promise<void> {
    const meeting = this.#meeting(meetingId);
    if (!meeting || this.inFlight) return;
    if (this.#needsAgreement(meeting, signer.personId)) {
      this.go({ name: 'agreement', meetingId, signer });
      return;
    }
    const name = this.people.get(signer.personId)?.name ?? signer.personId;
    await this.#act(
      // One key for a person's sign-in and sign-out: a second tap within a second is the same gesture.
      `attend:${signer.personId}`,
      () => this.service.dispatch(doorCommands.signIn(this.#who(), this.now(), meetingId, signer)),
      () =>
        meeting.confidential
          ? msg('签到成功', { id: 'done.sign-in-anonymous' })
          : msg(str`${name} 签到成功`, { id: 'done.sign-in' }),
    );
  }

  /** Signs a person out (M-5): a separate action from signing in, never a second tap of it. */
  async signOut(meetingId: string, signer: Signer): Promise<void> {
    const meeting = this.#meeting(meetingId);
    if (!meeting) return;
    if (meeting.confidential && !isSignedIn(meeting.signIns, signer.personId)) {
      // Whoever it is, invited or not, hears the same.
      this.#refuse(notSignedIn());
      return;
    }
    const name = this.people.get(signer.personId)?.name ?? signer.personId;
    await this.#act(
      `attend:${signer.personId}`,
      () => this.service.dispatch(doorCommands.signOut(this.#who(), this.now(), meetingId, signer)),
      () =>
        meeting.confidential
          ? msg('签退成功', { id: 'done.sign-out-anonymous' })
          : msg(str`${name} 已签退`, { id: 'done.sign-out' }),
    );
  }

  /**
   * At a confidential meeting, a person finds themselves by their exact employee number or full
   * name, never by a part of either, and signs in or out.
   */
  async signInByExactEntry(meetingId: string, entry: string, out: boolean, officerId?: string) {
    const person = findExactly([...this.people.values()], entry);
    if (!person) {
      this.#refuse(notFound());
      return;
    }
    const signer = officerId ? { personId: person.id, officerId } : { personId: person.id };
    await (out ? this.signOut(meetingId, signer) : this.signIn(meetingId, signer));
  }

  /**
   * The sign-in officer says who they are before signing others in (M-5): only the meeting's own
   * officer may.
   */
  chooseOfficer(meetingId: string, personIdOrEntry: string, exact = false): void {
    const meeting = this.#meeting(meetingId);
    const personId = exact
      ? findExactly([...this.people.values()], personIdOrEntry)?.id
      : personIdOrEntry;
    if (!meeting || !personId || personId !== meeting.signInOfficerId) {
      this.#refuse(notOfficer());
      return;
    }
    this.#setFlash(undefined);
    this.go({ name: 'sign-in', meetingId, officerId: personId });
  }

  /** The agreement signed by hand, and the sign-in it allows, in one write. */
  async signAgreement(image: string, signature = ''): Promise<void> {
    const screen = this.screen;
    if (screen.name !== 'agreement') return;
    const meeting = this.#meeting(screen.meetingId);
    if (!meeting) return;
    const version = this.params().meetings.confidentialityAgreementVersion;
    const { commands, attach } = doorCommands.signAgreementAndSignIn(
      this.#who(),
      this.now(),
      meeting.id,
      screen.signer,
      version,
      `sig-${crypto.randomUUID()}`,
      image,
      signature,
    );
    const ok = await this.#act(
      `agreement:${screen.signer.personId}`,
      async () => {
        const outcome = await this.service.dispatchAll(commands, attach);
        // Whoever is not invited hears it without a name or an id.
        return !outcome.ok && meeting.confidential && outcome.rejection.code.endsWith('not-invited')
          ? { ok: false as const, rejection: notInvited() }
          : outcome;
      },
      () => msg('已签署保密协议并签到', { id: 'done.agreement' }),
    );
    // After a refusal (a full disk …) the pad stays, with its signer, to be confirmed again.
    if (ok) this.go({ name: 'sign-in', meetingId: meeting.id, ...officerOf(screen.signer) });
  }

  /** A fault reported at the door. */
  async reportFault(equipmentId: string, note: string): Promise<void> {
    const ok = await this.#act(
      `fault:${equipmentId}`,
      () =>
        this.service.dispatch(doorCommands.reportFault(this.#who(), this.now(), equipmentId, note)),
      () => msg('故障已报修，行政部门会尽快处理', { id: 'done.fault' }),
    );
    if (ok) this.go({ name: 'home' });
  }

  /** The organizer's checklist, answered at the door for the booking shown. */
  async completeChecklist(answers: readonly ChecklistAnswer[]): Promise<void> {
    const screen = this.screen;
    const b = screen.name === 'checklist' ? this.room?.bookings.get(screen.bookingId) : undefined;
    if (!b) return;
    const faulty = answers.some((a) => a.result === 'faulty');
    const ok = await this.#act(
      `checklist:${b.id}`,
      () =>
        this.service.dispatch(
          doorCommands.completeChecklist(this.#who(), this.now(), b.organizerId, b.id, answers),
        ),
      () =>
        faulty
          ? msg('检查已记录，故障已报修', { id: 'done.checklist-faulty' })
          : msg('设备检查已完成', { id: 'done.checklist' }),
    );
    if (ok) this.go({ name: 'home' });
  }

  /** The organizer confirms everything is off. */
  async confirmPowerOff(): Promise<void> {
    const screen = this.screen;
    const b = screen.name === 'power-off' ? this.room?.bookings.get(screen.bookingId) : undefined;
    if (!b) return;
    const ok = await this.#act(
      `power-off:${b.id}`,
      () =>
        this.service.dispatch(
          doorCommands.confirmPowerOff(this.#who(), this.now(), b.organizerId, b.id),
        ),
      () => msg('已确认全部断电，谢谢', { id: 'done.power-off' }),
    );
    if (ok) this.go({ name: 'home' });
  }

  /** The admin PIN (K-4): the settings when it matches. */
  async enterPin(pin: string): Promise<void> {
    this.go(
      (await pinMatches(this.settings, pin)) ? { name: 'settings' } : { name: 'pin', wrong: true },
    );
  }

  /** Keeps the room and language chosen in the settings. */
  async saveSettings(change: { roomId: string; language: Language }): Promise<void> {
    const kept = await keepRoomAndLanguage(this.service, this.settings, change);
    if (!kept.ok) return this.go({ name: 'settings', importError: kept.rejection });
    this.settings = kept.value;
    this.go({ name: 'settings', notice: msg('设置已保存', { id: 'settings.saved' }) });
  }

  /** Keeps a new admin PIN. */
  async changePin(pin: string): Promise<void> {
    const kept = await keepPin(this.service, this.settings, pin);
    if (!kept.ok) return this.go({ name: 'settings', importError: kept.rejection });
    this.settings = kept.value;
    this.go({ name: 'settings', notice: msg('管理员密码已修改', { id: 'settings.pin-changed' }) });
  }

  /** Imports a schedule file, whole or not at all; a refusal stays in view on the settings. */
  async importFile(text: string): Promise<void> {
    if (this.service.synced) {
      // A door with a hub takes its schedule from the hub, never from a file.
      this.go({
        name: 'settings',
        notice: msg('本门牌已连接中心：日程由中心同步，不能导入文件', { id: 'hub.no-import' }),
      });
      return;
    }
    // Only a door of its own imports: in the build, a script of its own that it loads now.
    const { importSchedule } = await import('../standalone/standalone.js');
    const result = await importSchedule(this.service, text, this.now());
    this.go(
      result.ok
        ? {
            name: 'settings',
            notice: msg(str`日程文件已导入：${result.count} 项`, { id: 'settings.imported' }),
          }
        : { name: 'settings', importError: result.rejection },
    );
  }

  /** Enrols the door with a hub; once kept, the door opens again as the hub's (S-5). */
  async enrol(hub: string, code: string): Promise<void> {
    if (!this.sync || this.enrolling) return;
    this.enrolling = true;
    this.enrolRefusal = undefined;
    this.changed();
    const sync = this.sync;
    // Enrolling is a script of its own in the build: a door with its hub never loads it. Should it
    // not load, the form is there to try again.
    const r = await import('../sync/enrol.js').then(
      ({ enrol }) =>
        enrol(
          hub,
          code,
          this.room?.room.name ?? 'kiosk',
          (e) => sync.keep(e),
          () => this.now(),
        ),
      () => undefined,
    );
    this.enrolling = false;
    if (r?.ok) location.replace(location.pathname);
    else this.enrolRefusal = r?.rejection;
    this.changed();
  }

  /** Leaves the hub: the door keeps its log and goes on alone (S-5). */
  async unenrol(): Promise<void> {
    await this.sync?.unenrol();
    this.changed();
  }

  /** Opens the list of taps the hub refused (S-5). */
  async showRefusals(): Promise<void> {
    const items = (await this.sync?.refused()) ?? [];
    this.go({ name: 'refusals', items });
  }

  /** The refused taps were seen: they no longer count on the badge. */
  async seenRefusals(): Promise<void> {
    await this.sync?.seen();
    this.home();
  }

  /** Saves the event log as a file. */
  async exportLog(): Promise<void> {
    const count = await downloadLog(this.service, this.now());
    this.go({
      name: 'settings',
      notice: msg(str`已导出 ${count} 条事件`, { id: 'settings.exported' }),
    });
  }
}

/** Whether the checklist comes up right after check-in: the meeting needs equipment and nobody checked it. */
function checklistDueAtCheckIn(door: Door, roomId: string, bookingId: string): boolean {
  const state = door.service.state;
  const done = state.upkeep.get(roomId)?.checklists.has(bookingId) ?? false;
  return !done && checklistLines(state, roomId, bookingId).length > 0;
}

const officerOf = (s: Signer) => (s.officerId ? { officerId: s.officerId } : {});

const notFound = (): Rejection =>
  reject('R-8', 'door.not-found', {
    'zh-CN': '没有找到。请输入完整的工号或全名，再试一次。',
    en: 'Nobody found. Enter your full employee number or full name, and try again.',
  });
const notSignedIn = (): Rejection =>
  reject('M-5', 'door.not-signed-in', {
    'zh-CN': '没有签到记录，无需签退。如需签到，请点“签到”。',
    en: 'There is no sign-in to sign out of. To sign in, tap “Sign in”.',
  });
const notInvited = (): Rejection =>
  reject('R-8', 'door.not-invited', {
    'zh-CN': '无法签到：名单上没有您。请联系会议组织者。',
    en: 'You cannot sign in: you are not on the list. Please ask the organizer.',
  });
const notOfficer = (): Rejection =>
  reject('M-5', 'door.not-officer', {
    'zh-CN': '只有本会议的签到负责人可以代签。请各自签到。',
    en: 'Only this meeting’s sign-in officer can sign others in. Please sign in yourselves.',
  });
