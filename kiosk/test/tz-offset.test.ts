import { expect } from '@open-wc/testing';
import { tzOffset as dateFnsOffset } from '@date-fns/tz/tzOffset';
import { tzOffset } from '../src/time/tz-offset.js';

describe('tz-offset (the kiosk’s stand-in for @date-fns/tz’s tzOffset)', () => {
  it('T-1: gives the same offsets as @date-fns/tz, across DST changes and half-hour zones', () => {
    const zones = [
      'Asia/Shanghai',
      'America/New_York',
      'Europe/Berlin',
      'Australia/Lord_Howe',
      'Asia/Kolkata',
      'UTC',
      '+05:45',
    ];
    let compared = 0;
    for (const zone of zones) {
      for (
        let t = Date.UTC(2024, 0, 1);
        t < Date.UTC(2027, 0, 1);
        t += 7 * 3_600_000 + 13 * 60_000
      ) {
        const d = new Date(t);
        expect(tzOffset(zone, d), `${zone} at ${d.toISOString()}`).to.equal(dateFnsOffset(zone, d));
        compared++;
      }
    }
    expect(compared).to.be.greaterThan(20_000);
    expect(tzOffset('Asia/Shanghai', new Date(0))).to.equal(480);
    expect(Number.isNaN(tzOffset('Mars/Olympus', new Date(0)))).to.equal(true);
  });
});
