export { ROLES, hasRole, isActor } from './actor.js';
export type { Role, Actor } from './actor.js';
export { recipientKey } from './recipient.js';
export type { Recipient } from './recipient.js';
export { checkPerson, findPeople } from './person.js';
export type { Person } from './person.js';
export { directoryDecider, parseDirectoryCommand } from './directory.js';
export type {
  RegisterPerson,
  DirectoryCommand,
  PersonRegistered,
  DirectoryState,
  DirectoryDecider,
} from './directory.js';
