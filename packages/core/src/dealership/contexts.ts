import type { ActionCommand } from '../actions/action-commands.js';
import type { ActionEvent } from '../actions/action-events.js';
import type { FeeCommand } from '../fees/fee-commands.js';
import type { FeeEvent } from '../fees/fee-events.js';
import type { MeetingCommand } from '../meetings/meeting-commands.js';
import type { MeetingEvent } from '../meetings/meeting-events.js';
import type { MinutesCommand } from '../minutes/minutes-commands.js';
import type { MinutesEvent } from '../minutes/minutes-events.js';
import type { DirectoryCommand, PersonRegistered } from '../people/directory.js';
import type { PolicyCommand } from '../policy/policy-commands.js';
import type { PolicyEvent } from '../policy/policy-events.js';
import type { BookingCommand } from '../rooms/booking-commands.js';
import type { BookingEvent } from '../rooms/booking-events.js';
import type { UpkeepCommand } from '../upkeep/upkeep-commands.js';
import type { UpkeepOwnEvent } from '../upkeep/upkeep-events.js';

/**
 * The contexts of the rules, each a decider of its own: the rooms and their bookings, equipment
 * and cleaning (upkeep), meetings, minutes, follow-through (actions), fees, the people directory
 * and the policy.
 */
export type DealershipContext =
  'rooms' | 'upkeep' | 'meetings' | 'minutes' | 'actions' | 'fees' | 'directory' | 'policy';

/** Every context, in the order above. */
export const DEALERSHIP_CONTEXTS: readonly DealershipContext[] = /* @__PURE__ */ Object.freeze([
  'rooms',
  'upkeep',
  'meetings',
  'minutes',
  'actions',
  'fees',
  'directory',
  'policy',
]);

/** Every command of every context: what the dealership decider takes. */
export type DealershipCommand =
  | BookingCommand
  | UpkeepCommand
  | MeetingCommand
  | MinutesCommand
  | ActionCommand
  | FeeCommand
  | DirectoryCommand
  | PolicyCommand;

/** Every event of every context: what the dealership's state folds. */
export type DealershipEvent =
  | BookingEvent
  | UpkeepOwnEvent
  | MeetingEvent
  | MinutesEvent
  | ActionEvent
  | FeeEvent
  | PersonRegistered
  | PolicyEvent;

/**
 * The context each command type goes to. Written out (not read from the contexts' shapes), so that
 * routing loads no context's code. The fault report and the repair are the rooms context's commands
 * that the upkeep decider takes too: they go to upkeep, which decides them as the rooms decider
 * does and adds the warnings a new fault calls for (R-7).
 */
const COMMAND_CONTEXT = {
  RegisterRoom: 'rooms',
  UpdateRoom: 'rooms',
  RequestBooking: 'rooms',
  ApproveBooking: 'rooms',
  DeclineBooking: 'rooms',
  ChangeBooking: 'rooms',
  CancelBooking: 'rooms',
  CheckIn: 'rooms',
  ReleaseNoShows: 'rooms',
  WalkUp: 'rooms',
  ExtendBooking: 'rooms',
  EndEarly: 'rooms',
  RequestSeries: 'rooms',
  ReportEquipmentFault: 'upkeep',
  RepairEquipment: 'upkeep',
  RecordInspection: 'upkeep',
  CompleteChecklist: 'upkeep',
  ConfirmPowerOff: 'upkeep',
  IssueFaultWarnings: 'upkeep',
  RecordCleaning: 'upkeep',
  ReportCleaningProblem: 'upkeep',
  ResolveCleaningProblem: 'upkeep',
  PlanMeeting: 'meetings',
  EditMeeting: 'meetings',
  ScheduleMeeting: 'meetings',
  RescheduleMeeting: 'meetings',
  CancelMeeting: 'meetings',
  AnswerInvitation: 'meetings',
  ReviewInvitations: 'meetings',
  AcceptExcuse: 'meetings',
  StartMeeting: 'meetings',
  StartAgendaItem: 'meetings',
  EndAgendaItem: 'meetings',
  CarryOverItems: 'meetings',
  SignIn: 'meetings',
  SignOut: 'meetings',
  SignConfidentialityAgreement: 'meetings',
  RecordOutcome: 'meetings',
  EndMeeting: 'meetings',
  CloseMeeting: 'meetings',
  DraftMinutes: 'minutes',
  EditMinutes: 'minutes',
  SubmitMinutes: 'minutes',
  ReturnMinutes: 'minutes',
  ApproveMinutes: 'minutes',
  PublishMinutes: 'minutes',
  AcknowledgeMinutes: 'minutes',
  AmendMinutes: 'minutes',
  ReviewMinutes: 'minutes',
  OpenActionsFromMinutes: 'actions',
  StartAction: 'actions',
  ReportProgress: 'actions',
  EscalateProblem: 'actions',
  AnswerEscalation: 'actions',
  SubmitCompletionReport: 'actions',
  EvaluateAction: 'actions',
  CancelAction: 'actions',
  CorrectLedgerEntry: 'actions',
  ReviewActions: 'actions',
  SetTariff: 'fees',
  RequestWaiver: 'fees',
  GrantWaiver: 'fees',
  RefuseWaiver: 'fees',
  RecordExpense: 'fees',
  RegisterPerson: 'directory',
  ProposePolicyRevision: 'policy',
  ApprovePolicyRevision: 'policy',
  AnnouncePolicyRevision: 'policy',
  WithdrawPolicyRevision: 'policy',
} as const satisfies { readonly [T in DealershipCommand['type']]: DealershipContext };

/** Every command type the dealership decider takes. */
export const DEALERSHIP_COMMAND_TYPES: readonly DealershipCommand['type'][] =
  /* @__PURE__ */ Object.freeze(Object.keys(COMMAND_CONTEXT) as DealershipCommand['type'][]);

/**
 * The context a command goes to, by its `type`; `undefined` for anything that is not a command of
 * any context (arbitrary JSON is fine). The fault report and the repair go to upkeep.
 *
 * @param command - a command, or anything
 * @returns the context, or `undefined`
 * @example
 * commandContext({ type: 'WalkUp' }) // => 'rooms'
 * commandContext({ type: 'ReportEquipmentFault' }) // => 'upkeep'
 * commandContext({ type: 'Nope' }) // => undefined
 */
export function commandContext(command: unknown): DealershipContext | undefined {
  const type =
    typeof command === 'object' && command !== null
      ? (command as { type?: unknown }).type
      : undefined;
  return typeof type === 'string' && Object.hasOwn(COMMAND_CONTEXT, type)
    ? COMMAND_CONTEXT[type as DealershipCommand['type']]
    : undefined;
}

/** A command with its context: a union a `switch` on `context` narrows. */
export type RoutedCommand =
  | { readonly context: 'rooms'; readonly command: BookingCommand }
  | { readonly context: 'upkeep'; readonly command: UpkeepCommand }
  | { readonly context: 'meetings'; readonly command: MeetingCommand }
  | { readonly context: 'minutes'; readonly command: MinutesCommand }
  | { readonly context: 'actions'; readonly command: ActionCommand }
  | { readonly context: 'fees'; readonly command: FeeCommand }
  | { readonly context: 'directory'; readonly command: DirectoryCommand }
  | { readonly context: 'policy'; readonly command: PolicyCommand };

/**
 * A command with the context it goes to ({@link commandContext}), typed so that a `switch` on the
 * context narrows the command; `undefined` when its type is no context's.
 *
 * @param command - a command (its type is read at run time, so a cast value is fine)
 * @returns `{ context, command }`, or `undefined`
 * @example
 * routeCommand({ type: 'CheckIn', now, actor, roomId: 'A', bookingId: 'b1' })?.context // => 'rooms'
 */
export function routeCommand(command: DealershipCommand): RoutedCommand | undefined {
  const context = commandContext(command);
  return context === undefined ? undefined : ({ context, command } as RoutedCommand);
}
