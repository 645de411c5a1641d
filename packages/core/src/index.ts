/**
 * `@huiyi/core`: the rules of the dealership's after-sales meeting policy as pure functions and
 * deciders. No I/O, no DOM, no clock: time is an input.
 *
 * @packageDocumentation
 */
export * from './rejection/index.js';
export type * from './decider/index.js';
export * from './time/index.js';
export * from './people/index.js';
export * from './policy/index.js';
export * from './rooms/index.js';
export type { Check, CheckResult, Checked, Shape, ShapeOf, OptionalKeys } from './input/index.js';
export * from './store/index.js';
export * from './meetings/index.js';
export * from './minutes/index.js';
export * from './upkeep/index.js';
export * from './fees/index.js';
export * from './actions/index.js';
export * from './reports/index.js';
export * from './csv/index.js';
export * from './demo/index.js';
export * from './dealership/index.js';
export * from './door/index.js';
