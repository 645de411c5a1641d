export type { Decider } from './decider.js';
