export { ROLES, hasRole, isActor } from './actor.js';
export type { Role, Actor } from './actor.js';
