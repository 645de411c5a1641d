/**
 * The demo dealership: four rooms, ten people and a day of bookings and meetings around any
 * moment, as commands. The kiosk's demo mode and the hub's seed both start from it.
 *
 * @packageDocumentation
 */
export { DEMO_ROOMS, DEMO_PEOPLE, DEMO_DAY, demoCommands } from './demo-site.js';
export { layDemoDay } from './lay-day.js';
export type { DemoDay, DemoMoment } from './lay-day.js';
