import type { Migration } from 'kysely/migration';
import * as readModels from './0001-read-models.js';
import * as eventStore from './0002-event-store.js';
import * as meetingsActions from './0003-meetings-actions.js';
import * as applySet from './0004-apply-set.js';
import * as applyAll from './0005-apply-all.js';
import * as calendar from './0100-calendar.js';
import * as auth from './0200-auth.js';

/**
 * Every migration of the hub's schema, by name; Kysely's Migrator runs them in name order. The
 * engine's are numbered 0001–0099, the calendars' 0100–0199, the HTTP layer's 0200–0299: add a
 * file and a line here.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-read-models': readModels,
  '0002-event-store': eventStore,
  '0003-meetings-actions': meetingsActions,
  '0004-apply-set': applySet,
  '0005-apply-all': applyAll,
  '0100-calendar': calendar,
  '0200-auth': auth,
};
