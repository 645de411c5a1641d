/**
 * The one clock of the kiosk (DESIGN §6): every reading of the time goes through it, so a test can
 * set the time and the screens follow.
 */
export const kioskClock = {
  now: (): number => Date.now(),
};
