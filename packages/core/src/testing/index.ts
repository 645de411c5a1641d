/**
 * `@huiyi/core/testing`: fast-check arbitraries and given/when/then helpers for code built on
 * `@huiyi/core`. For tests only: nothing in ordinary use needs it. Needs `fast-check` (an optional
 * peer dependency).
 *
 * @packageDocumentation
 */
export * from './arbitraries.js';
export * from './given.js';
export * from './policy-arbitraries.js';
export * from './recurrence-arbitraries.js';
export * from './assertions.js';
export * from './memory-event-store.js';
export * from './store-contract.js';
export * from './meeting-arbitraries.js';
export * from './upkeep-arbitraries.js';
export * from './action-arbitraries.js';
export * from './report-arbitraries.js';
export * from './fee-arbitraries.js';
export * from './malformed-input.js';
export * from './untyped.js';
export * from './given-when-then.js';
