export { reject, ok, fail } from './rejection.js';
export type { Rejection, Result, RuleId, Message } from './rejection.js';
export { notAtDoor } from './not-at-door.js';
