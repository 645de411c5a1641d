// The demo dealership lives in @huiyi/core, where the hub's seed reads it too.
export { DEMO_ROOMS, DEMO_PEOPLE, demoCommands } from '@huiyi/core';
