/**
 * Minutes (N-1 – N-5): the minutes decider — drafted by the recorder with attendance from the
 * sign-in log, submitted, returned or approved by the chair, published with a notice to every
 * recipient and a separate one to each absentee, read receipts, amendments as new versions, and
 * late minutes flagged.
 *
 * @packageDocumentation
 */
export {
  MINUTES_STATUSES,
  MINUTES_TRANSITIONS,
  canMoveMinutes,
  latestVersion,
  publishedVersions,
  recipientsOf,
} from './minutes.js';
export type {
  Minutes,
  MinutesStatus,
  MinutesVersion,
  MinutesContent,
  MinutesItem,
  MinutesWork,
  ItemNote,
  ReviewComment,
} from './minutes.js';
export { checkMeetingFacts, meetingFacts } from './meeting-facts.js';
export type { MeetingFacts } from './meeting-facts.js';
export { MINUTES_COMMAND_SHAPES, MINUTES_COMMAND_TYPES } from './minutes-commands.js';
export type {
  MinutesCommand,
  MinutesCommandOf,
  DraftMinutes,
  EditMinutes,
  SubmitMinutes,
  ReturnMinutes,
  ApproveMinutes,
  PublishMinutes,
  AcknowledgeMinutes,
  AmendMinutes,
  ReviewMinutes,
} from './minutes-commands.js';
export { minutesStreamOf, MINUTES_EVENT_TYPES, isMinutesEvent } from './minutes-events.js';
export type * from './minutes-events.js';
export { minutesRejections } from './minutes-rejections.js';
export type { MinutesRejection, MinutesRejectionCode } from './minutes-rejections.js';
export { initialMinutesState, foldMinutesEvents, evolveMinutes } from './minutes-state.js';
export type { MinutesState } from './minutes-state.js';
export { minutesDue } from './decide-minutes.js';
export { createMinutesDecider, parseMinutesCommand } from './minutes-decider.js';
export type { MinutesDecider } from './minutes-decider.js';
