import type { Actor, ChecklistAnswer, Person } from '@huiyi/core';
import type { SignatureCaptured } from '../services/kiosk-events.js';

// Every command the door sends is built here, and nowhere else: the screens say what a person
// did, these functions say it in the core's words.

/** Who acts at the door: the room's own tablet, or a person from the directory. */
export interface Who {
  readonly roomId: string;
  readonly people: ReadonlyMap<string, Person>;
}

/**
 * The tablet itself, for what anyone at the door may do (check in, extend, end, report).
 *
 * @param roomId - the room the tablet serves
 * @returns the actor
 */
export const doorActor = (roomId: string): Actor => ({ id: `door:${roomId}`, roles: [] });

/**
 * A person of the directory as an actor, with their roles.
 *
 * @param who - the directory
 * @param personId - the person
 * @returns the actor
 */
export function personActor(who: Who, personId: string): Actor {
  const p = who.people.get(personId);
  return { id: personId, roles: p ? [...p.roles] : [] };
}

/** How a sign-in or sign-out is done: by the person, or by the meeting's sign-in officer for them. */
export interface Signer {
  readonly personId: string;
  /** The sign-in officer who does it for them, once they said who they are. */
  readonly officerId?: string;
}

const signerActor = (who: Who, s: Signer): Actor => personActor(who, s.officerId ?? s.personId);
const subject = (s: Signer) => (s.officerId !== undefined ? { personId: s.personId } : {});

/** The commands of the door, each stamped with `now`. */
export const doorCommands = {
  /** Release the no-shows due. */
  releaseNoShows: (who: Who, now: number) => ({
    type: 'ReleaseNoShows',
    now,
    actor: doorActor(who.roomId),
    roomId: who.roomId,
  }),
  /** Book now for `minutes`, as the person who tapped their name; its topic says so. */
  walkUp: (who: Who, now: number, personId: string, minutes: number, bookingId: string) => ({
    type: 'WalkUp',
    now,
    actor: personActor(who, personId),
    roomId: who.roomId,
    bookingId,
    minutes,
    topic: '现场预订',
  }),
  /** Book a later slot of today, one person, as the person who tapped their name. */
  book: (
    who: Who,
    now: number,
    personId: string,
    bookingId: string,
    start: number,
    end: number,
  ) => ({
    type: 'RequestBooking',
    now,
    actor: personActor(who, personId),
    roomId: who.roomId,
    bookingId,
    topic: '门口预订',
    headcount: 1,
    start,
    end,
  }),
  /** Check a booking in. */
  checkIn: (who: Who, now: number, bookingId: string) => ({
    type: 'CheckIn',
    now,
    actor: doorActor(who.roomId),
    roomId: who.roomId,
    bookingId,
  }),
  /** Extend the meeting in progress from the end the person saw. */
  extend: (who: Who, now: number, bookingId: string, fromEnd: number, minutes: number) => ({
    type: 'ExtendBooking',
    now,
    actor: doorActor(who.roomId),
    roomId: who.roomId,
    bookingId,
    minutes,
    fromEnd,
  }),
  /** End the meeting in progress now, freeing the rest. */
  endEarly: (who: Who, now: number, bookingId: string) => ({
    type: 'EndEarly',
    now,
    actor: doorActor(who.roomId),
    roomId: who.roomId,
    bookingId,
  }),
  /** Sign a person in (M-5). */
  signIn: (who: Who, now: number, meetingId: string, s: Signer) => ({
    type: 'SignIn',
    now,
    actor: signerActor(who, s),
    meetingId,
    ...subject(s),
  }),
  /** Sign a person out (M-5). */
  signOut: (who: Who, now: number, meetingId: string, s: Signer) => ({
    type: 'SignOut',
    now,
    actor: signerActor(who, s),
    meetingId,
    ...subject(s),
  }),
  /** The agreement signed by hand and the sign-in it allows, with the drawn signature. */
  signAgreementAndSignIn: (
    who: Who,
    now: number,
    meetingId: string,
    s: Signer,
    version: number,
    signatureId: string,
    image: string,
    signature = '',
  ) => ({
    commands: [
      {
        type: 'SignConfidentialityAgreement',
        now,
        actor: signerActor(who, s),
        personId: s.personId,
        version,
        signatureRef: signatureId,
        // The drawing as a path travels to the hub with the agreement; the PNG stays in the log.
        ...(signature === '' ? {} : { signature }),
        meetingId,
      },
      doorCommands.signIn(who, now, meetingId, s),
    ],
    attach: [
      { type: 'SignatureCaptured', signatureId, personId: s.personId, image },
    ] satisfies SignatureCaptured[],
  }),
  /** A fault seen at the door. */
  reportFault: (who: Who, now: number, equipmentId: string, note: string) => ({
    type: 'ReportEquipmentFault',
    now,
    actor: doorActor(who.roomId),
    roomId: who.roomId,
    equipmentId,
    note,
  }),
  /** The organizer's checklist of a booking. */
  completeChecklist: (
    who: Who,
    now: number,
    organizerId: string,
    bookingId: string,
    answers: readonly ChecklistAnswer[],
  ) => ({
    type: 'CompleteChecklist',
    now,
    actor: personActor(who, organizerId),
    roomId: who.roomId,
    bookingId,
    answers,
  }),
  /** The organizer confirms everything is off after the meeting. */
  confirmPowerOff: (who: Who, now: number, organizerId: string, bookingId: string) => ({
    type: 'ConfirmPowerOff',
    now,
    actor: personActor(who, organizerId),
    roomId: who.roomId,
    bookingId,
  }),
} as const;
