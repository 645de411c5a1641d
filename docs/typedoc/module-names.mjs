// @ts-check
// Names each entry point's module after the package (and export) an integrator imports, instead of
// its folder (`core/src` → `@huiyi/core`). TypeDoc takes a module's name from its path otherwise.
import { Converter, ReflectionKind } from 'typedoc';

/** Folder of an entry point → the import specifier it is published as. */
export const MODULE_NAMES = {
  'core/src': '@huiyi/core',
  'core/src/testing': '@huiyi/core/testing',
  'core/src/sync-protocol': '@huiyi/core/sync-protocol',
  'store-idb/src': '@huiyi/store-idb',
};

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const module of context.project.getReflectionsByKind(ReflectionKind.Module)) {
      const name = MODULE_NAMES[/** @type {keyof typeof MODULE_NAMES} */ (module.name)];
      if (name === undefined) {
        app.logger.warn(`docs: no package name for the entry point module "${module.name}"`);
      } else module.name = name;
    }
  });
}
