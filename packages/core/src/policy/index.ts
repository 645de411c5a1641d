/**
 * The policy itself (P-1 – P-3): every parameter of the rules with its default, checked from
 * outside; the revision lifecycle (propose → approve by leadership → announce) as a decider; which
 * version is in force at an instant; and site → room → meeting-kind resolution, narrowest wins.
 *
 * @packageDocumentation
 */
export { DEFAULT_PARAMETERS } from './default-parameters.js';
export { PERIODS, LANGUAGES, ESCALATION_LEVELS } from './parameters.js';
export type {
  PolicyParameters,
  ParameterPatch,
  ParameterGroup,
  TimeParameters,
  MeetingParameters,
  MinutesParameters,
  ActionParameters,
  RoomParameters,
  KioskParameters,
  Period,
  Language,
  EscalationLevel,
  EscalationStep,
  HouseRule,
} from './parameters.js';
export { PARAMETER_SCHEMA } from './parameter-schema.js';
export type { FieldSpec, ParameterSchema } from './parameter-schema.js';
export { checkParameters, checkParameterPatch } from './check-parameters.js';
export { checkParameterOverrides, checkScopes } from './check-overrides.js';
export { checkConsistency } from './consistency.js';
export { MEETING_KINDS } from './meeting-kind.js';
export type { MeetingKind } from './meeting-kind.js';
export { applyPatch, resolveParameters } from './resolve.js';
export type { ParameterOverrides, ParameterSet, PolicyScope } from './resolve.js';
export { POLICY_COMMAND_TYPES } from './policy-commands.js';
export type {
  PolicyCommand,
  PolicyCommandBase,
  ProposePolicyRevision,
  ApprovePolicyRevision,
  AnnouncePolicyRevision,
  WithdrawPolicyRevision,
  RevisionContent,
} from './policy-commands.js';
export type {
  PolicyEvent,
  PolicyRevisionProposed,
  PolicyRevisionApproved,
  PolicyRevisionAnnounced,
  PolicyRevisionWithdrawn,
  Stamp,
} from './policy-events.js';
export { POLICY_EVENT_TYPES, isPolicyEvent } from './policy-events.js';
export { initialPolicyState, BEGINNING_OF_TIME } from './policy-state.js';
export type { PolicyState, PolicyRevision, PolicyVersion, RevisionStatus } from './policy-state.js';
export { POLICY_COMMAND_SHAPES, parsePolicyCommand } from './parse-policy-command.js';
export { decidePolicy, policyDecider } from './policy-decider.js';
export type { Decision, PolicyDecider } from './policy-decider.js';
export { evolvePolicy } from './evolve-policy.js';
export { policyAt, versionAt, versionsInForce, parametersIn } from './policy-at.js';
export type { PolicyLookup } from './policy-at.js';
export type { PolicyInForce, PolicyPeriod } from './policy-at.js';
export type { PolicyRejection, PolicyRejectionCode } from './policy-rejections.js';
export type { ParameterRejection, ParameterRejectionCode } from './parameter-rejections.js';
