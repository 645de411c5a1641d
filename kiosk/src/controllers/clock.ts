import { systemClock } from '../door/clock.js';

/**
 * The tablet's clock, as `main.ts` reads it at start. The screens never read it: they take the
 * door's clock, which a test replaces with its own.
 */
export const kioskClock = systemClock;
