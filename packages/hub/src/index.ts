/**
 * `@huiyi/hub`: the dealership's sync hub. Every door and dealer system pushes its commands here;
 * the hub decides each again by the rules of `@huiyi/core` against its own state on PostgreSQL.
 *
 * @packageDocumentation
 */
export const HUB_PACKAGE = '@huiyi/hub';
export * from './calendar/index.js';
