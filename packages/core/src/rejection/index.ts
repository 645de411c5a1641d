export { reject, ok, fail } from './rejection.js';
export type { Rejection, Result, RuleId, Message } from './rejection.js';
export { DOOR_COMMAND_TYPES, notAtDoor, takenAtDoor } from './not-at-door.js';
export type { DoorCommandType } from './not-at-door.js';
