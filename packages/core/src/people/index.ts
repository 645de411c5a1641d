export { ROLES, hasRole, isActor } from './actor.js';
export type { Role, Actor } from './actor.js';
export { checkPerson, findPeople } from './person.js';
export type { Person } from './person.js';
export { directoryDecider } from './directory.js';
export type { RegisterPerson, PersonRegistered, DirectoryState } from './directory.js';
