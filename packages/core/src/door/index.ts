/**
 * What the door asks (K-2), answered by the rules themselves: the walk-ups and extensions on offer
 * now, the bookings on offer from a later moment of today, the meeting a sign-in belongs to (M-5), whether the equipment checklist or the
 * power-off check is due. Each reads the policy in force, and offers exactly what the
 * deciders accept.
 *
 * @packageDocumentation
 */
export { walkUpOptions } from './walk-up-options.js';
export type { WalkUpOption } from './walk-up-options.js';
export { slotOptions } from './slot-options.js';
export type { SlotOptions } from './slot-options.js';
export { extensionOptions } from './extension-options.js';
export type { ExtensionOption } from './extension-options.js';
export { signInMeeting } from './sign-in-meeting.js';
export { checklistDue, powerOffDue } from './upkeep-due.js';
