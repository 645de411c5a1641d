export {
  text,
  id,
  int,
  instant,
  bool,
  oneOf,
  listOf,
  optional,
  object,
  MAX_TEXT,
  MAX_ID,
} from './check.js';
export type { Check, CheckResult, Checked, Shape, ShapeOf, OptionalKeys } from './check.js';
export {
  actorCheck,
  commandBase,
  malformedCommand,
  parseCommand,
  parseDoorCommandOf,
} from './command.js';
