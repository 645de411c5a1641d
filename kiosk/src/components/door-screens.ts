import { html, nothing, type TemplateResult } from 'lit';
import { expectedAttendees, isSignedIn, type ChecklistAnswer, type RoomState } from '@huiyi/core';
import type { Door } from '../door/door.js';
import { checklistLines, slotOptions, walkUpOptions } from '../door/questions.js';
import type { Screen } from '../door/screen.js';
import { language } from '../i18n/localization.js';
import './door-home.js';
import './walk-up-panel.js';
import './sign-in-panel.js';
import './agreement-pad.js';
import './pin-pad.js';
import './settings-panel.js';
import './refusal-list.js';
import './fault-report.js';
import './equipment-checklist.js';
import './power-off-confirm.js';
import { msg } from '@lit/localize';

// Each screen of the union, drawn from the door: what it shows comes from the door's questions,
// what a person does goes to the door's actions. One function a screen; the shell picks one.

type Of<N extends Screen['name']> = Extract<Screen, { name: N }>;
type Draw<N extends Screen['name']> = (door: Door, screen: Of<N>, rs: RoomState) => unknown;

const walkUp: Draw<'walk-up'> = (door, _s, rs) => {
  const now = door.now();
  const params = door.params(now);
  return html`<walk-up-panel
    .options=${walkUpOptions(door.service.state, rs.room.id, now, door.policy)}
    .people=${[...door.people.values()]}
    .zone=${params.time.zone}
    ?busy=${door.inFlight !== undefined}
    @walk-up=${(e: CustomEvent<{ minutes: number; personId: string }>) => void door.walkUp(e.detail.minutes, e.detail.personId)}
  ></walk-up-panel>`;
};

const book: Draw<'book'> = (door, s, rs) =>
  html`<walk-up-panel
    .from=${s.start}
    .options=${slotOptions(door.service.state, rs.room.id, s.start, door.now(), door.policy).options}
    .people=${[...door.people.values()]}
    .zone=${door.params().time.zone}
    ?busy=${door.inFlight !== undefined}
    @walk-up=${(e: CustomEvent<{ minutes: number; personId: string }>) => void door.bookLater(e.detail.minutes, e.detail.personId)}
  ></walk-up-panel>`;

const signIn: Draw<'sign-in'> = (door, s) => {
  const meeting = door.service.state.meetings.meetings.get(s.meetingId);
  if (!meeting) return html`<p>${msg('当前没有需要签到的会议', { id: 'sign-in.none' })}</p>`;
  const secret = meeting.confidential;
  const ids = expectedAttendees(meeting);
  const attendees = secret
    ? []
    : ids.map(
        (id) =>
          door.people.get(id) ?? { id, name: id, department: '', employeeNumber: id, roles: [] },
      );
  const signedIn = new Set(ids.filter((id) => isSignedIn(meeting.signIns, id)));
  const officer = meeting.signInOfficerId ? door.people.get(meeting.signInOfficerId) : undefined;
  const by = s.officerId ? { officerId: s.officerId } : {};
  return html`<sign-in-panel
    .topic=${secret ? '' : meeting.topic}
    ?confidential=${secret}
    .attendees=${attendees}
    .signedIn=${signedIn}
    .officer=${secret ? undefined : officer}
    ?has-officer=${meeting.signInOfficerId !== undefined}
    .officerId=${s.officerId}
    ?busy=${door.inFlight !== undefined}
    @sign-in=${(e: CustomEvent<{ personId: string }>) => void door.signIn(meeting.id, { personId: e.detail.personId, ...by })}
    @sign-out=${(e: CustomEvent<{ personId: string }>) => void door.signOut(meeting.id, { personId: e.detail.personId, ...by })}
    @exact-entry=${(e: CustomEvent<{ entry: string; out: boolean }>) => void door.signInByExactEntry(meeting.id, e.detail.entry, e.detail.out, s.officerId)}
    @officer-chosen=${(e: CustomEvent<{ personId?: string; entry?: string }>) =>
      e.detail.personId !== undefined
        ? door.chooseOfficer(meeting.id, e.detail.personId)
        : door.chooseOfficer(meeting.id, e.detail.entry ?? '', true)}
    @officer-done=${() => door.go({ name: 'sign-in', meetingId: meeting.id })}
  ></sign-in-panel>`;
};

const agreement: Draw<'agreement'> = (door, s) => {
  const meeting = door.service.state.meetings.meetings.get(s.meetingId);
  const person = door.people.get(s.signer.personId);
  // At a confidential meeting the pad names the signer by number only: no names on the screen (R-8).
  const label = meeting?.confidential ? (person?.employeeNumber ?? '') : (person?.name ?? '');
  return html`<agreement-pad
    .personName=${label}
    .version=${door.params().meetings.confidentialityAgreementVersion}
    ?busy=${door.inFlight !== undefined}
    @agreement-signed=${(e: CustomEvent<{ image: string; signature: string }>) =>
      void door.signAgreement(e.detail.image, e.detail.signature)}
    @cancel=${() => door.go({ name: 'sign-in', meetingId: s.meetingId, ...(s.signer.officerId ? { officerId: s.signer.officerId } : {}) })}
  ></agreement-pad>`;
};

const fault: Draw<'fault'> = (door, _s, rs) =>
  html`<fault-report
    .items=${rs.room.equipment.map((e) => ({
      equipmentId: e.id,
      label: e.label ?? e.kind,
      faulty: rs.faulty.has(e.id),
    }))}
    @fault-reported=${(e: CustomEvent<{ equipmentId: string; note: string }>) => void door.reportFault(e.detail.equipmentId, e.detail.note)}
    @cancel=${() => door.home()}
  ></fault-report>`;

const checklist: Draw<'checklist'> = (door, s, rs) =>
  html`<equipment-checklist
    .lines=${checklistLines(door.service.state, rs.room.id, s.bookingId).map((l) => ({
      equipmentId: l.equipmentId,
      label: l.label ?? l.kind,
      ...(l.fault ? { fault: l.fault.note } : {}),
    }))}
    @checklist-done=${(e: CustomEvent<{ answers: ChecklistAnswer[] }>) => void door.completeChecklist(e.detail.answers)}
    @skip=${() => door.home()}
  ></equipment-checklist>`;

const powerOff: Draw<'power-off'> = (door, s, rs) => {
  const b = rs.bookings.get(s.bookingId);
  if (!b) return nothing;
  return html`<power-off-confirm
    .topic=${b.confidential ? '' : b.topic}
    .items=${rs.room.equipment.filter((e) => b.equipment.includes(e.kind)).map((e) => e.label ?? e.kind)}
    @power-off-confirmed=${() => void door.confirmPowerOff()}
    @cancel=${() => door.home()}
  ></power-off-confirm>`;
};

/**
 * The PIN pad (K-4).
 *
 * @param door - the door
 * @param s - the screen
 * @returns the screen's template
 */
export const pinScreen = (door: Door, s: Of<'pin'>) =>
  html`<pin-pad
    .error=${s.wrong ? msg('密码错误，请重新输入。', { id: 'pin.wrong' }) : ''}
    @pin-entered=${(e: CustomEvent<{ pin: string }>) => void door.enterPin(e.detail.pin)}
  ></pin-pad>`;

/**
 * The settings behind the PIN (K-4).
 *
 * @param door - the door
 * @param s - the screen
 * @returns the screen's template
 */
export const settingsScreen = (door: Door, s: Of<'settings'>) =>
  // The settings and, under them, the hub's enrolment: one column that scrolls. The hub's section
  // is the enrol script's (the door loads it when its PIN screen is asked for, src/main.ts): until
  // it is there, its element is an empty one that takes its properties when it is defined.
  html`<div data-screen="settings" style="height:100%;overflow-y:auto">
    <settings-panel
      .rooms=${[...door.service.state.bookings.rooms.values()].map((r) => r.room)}
      .roomId=${door.room?.room.id ?? ''}
      .language=${language()}
      .notice=${s.notice ?? ''}
      .importError=${s.importError}
      ?hub=${door.service.synced}
      @settings-changed=${(e: CustomEvent<{ roomId: string; language: 'zh-CN' | 'en' }>) => void door.saveSettings(e.detail)}
      @import-file=${(e: CustomEvent<{ text: string }>) => void door.importFile(e.detail.text)}
      @export-log=${() => void door.exportLog()}
      @pin-changed=${(e: CustomEvent<{ pin: string }>) => void door.changePin(e.detail.pin)}
      @close=${() => door.home()}
    ></settings-panel>
    ${
      door.sync
        ? html`<hub-enrolment
            .enrolment=${door.sync.enrolment}
            .status=${door.sync.status}
            .refusal=${door.enrolRefusal}
            .busy=${door.enrolling}
            .zone=${door.params().time.zone}
            @enrol=${(e: CustomEvent<{ hub: string; code: string }>) => void door.enrol(e.detail.hub, e.detail.code)}
            @unenrol=${() => void door.unenrol()}
          ></hub-enrolment>`
        : nothing
    }
  </div>`;

/**
 * The taps the hub refused (S-5).
 *
 * @param door - the door
 * @param s - the screen
 * @returns the screen's template
 */
export const refusalsScreen = (door: Door, s: Of<'refusals'>) =>
  html`<refusal-list
    .items=${s.items}
    .bookings=${door.service.state.bookings}
    .people=${door.people}
    .zone=${door.params().time.zone}
    @seen=${() => void door.seenRefusals()}
    @close=${() => door.home()}
  ></refusal-list>`;

/**
 * The screen the door shows, drawn (the shell's one switch over the union).
 *
 * @param door - the door
 * @param rs - the room it serves
 * @returns the screen's template
 */
export function drawScreen(door: Door, rs: RoomState): TemplateResult | unknown {
  const s = door.screen;
  switch (s.name) {
    case 'home':
      return html`<door-home></door-home>`;
    case 'walk-up':
      return walkUp(door, s, rs);
    case 'book':
      return book(door, s, rs);
    case 'sign-in':
      return signIn(door, s, rs);
    case 'agreement':
      return agreement(door, s, rs);
    case 'fault':
      return fault(door, s, rs);
    case 'checklist':
      return checklist(door, s, rs);
    case 'power-off':
      return powerOff(door, s, rs);
    case 'pin':
      return pinScreen(door, s);
    case 'settings':
      return settingsScreen(door, s);
    case 'refusals':
      return refusalsScreen(door, s);
    default: {
      const never: never = s;
      return never;
    }
  }
}
