import { createHash } from 'node:crypto';
import { resolve as resolvePath } from 'node:path';
import { build, type Alias, type BuildOptions, type Plugin, type Rolldown } from 'vite';

/**
 * What stays out of the door's script until it is asked for: a source module the app loads with
 * `import('./…')`, built on its own into a classic script (`assets/<name>-<hash>.js`) that the app
 * adds to the page when that `import()` runs (docs/decisions/kiosk-bundle.md).
 */
export interface Satellite {
  /** The script's name (its file's first part, and its key on the page). */
  readonly name: string;
  /** The module, from the kiosk's folder (`src/…`), as the `import()` names it. */
  readonly entry: string;
  /**
   * What the app takes from the module: only these are registered, so the rest of its exports
   * (and a namespace object) stay out of the script.
   */
  readonly exports: readonly string[];
  /** Aliases for this satellite alone, before the app's. */
  readonly alias?: readonly Alias[];
  /**
   * The script's file name's first part, when it is not {@link name}: a satellite built in the
   * door's language (`enrol.en` in the English build) is asked for by the same name.
   */
  readonly file?: string;
  /** This satellite's plugins, in place of the satellites' (the app's source transforms). */
  readonly plugins?: () => Plugin[];
  /**
   * A module this satellite takes whole from another satellite, which the app has always loaded
   * before it: the other's name, the module (its resolved path), and its names, which the other
   * registers (its `exports`).
   */
  readonly takes?: {
    readonly from: string;
    readonly module: string;
    readonly names: readonly string[];
  };
}

/**
 * What the satellites take from the app instead of a copy of their own: for a module (its resolved
 * path), the names of its exports that are the app's in every satellite. The rest of such a module,
 * if a satellite uses any, is still its own. The build fails when a satellite imports a name of the
 * module that the module's others do not give (a name to add here). A module given as `{ only }`
 * is the app's alone: a satellite sees those names and nothing else of it, not even what it does
 * when it loads (Lit's modules, a component the app defines, styles the app makes).
 */
export type Shared = Readonly<
  Record<string, readonly string[] | { readonly only: readonly string[] }>
>;

/** The names a module of {@link Shared} shares. */
const namesOf = (names: Shared[string] | undefined): readonly string[] =>
  names === undefined ? [] : 'only' in names ? names.only : names;

/**
 * How the built satellites meet the app: the app makes the registry, with what it shares under
 * {@link SHARED_KEY}; each satellite registers its module's exports in it under its name.
 */
const REGISTRY = '__huiyiSatellites';
/** The registry's list of what the app shares, in {@link Shared}'s order (no satellite's name). */
const SHARED_KEY = 'shared';
const LOADER_ID = '\0huiyi:satellite-loader';
/** A module a satellite takes from another ({@link Satellite.takes}). */
const TAKEN_ID = '\0huiyi:taken';
/** A shared module, as a satellite sees it: the app's for the shared names (its path follows). */
const SHARED_ID = '\0huiyi:shared:';

/**
 * Builds each satellite as its own classic script and makes every `import()` of one, in the app's
 * source, load that script instead of bundling the module (with code splitting off, an `import()`
 * is bundled into the one file). In `vite dev` and in the component tests nothing changes: the
 * `import()` loads the module.
 *
 * Each satellite is a whole IIFE of its own: what it imports is in it a second time, but for what
 * `shared` names, which the app hands it (the core's zone arithmetic, input checks, result
 * builders); it must not hold state the app also holds.
 *
 * @param root - the kiosk's folder
 * @param satellites - the modules kept out
 * @param alias - the app's aliases (the satellites resolve as the app does)
 * @param plugins - makes the plugins each satellite is built with (the app's source transforms,
 *   and any that hand it the app's files)
 * @param minify - how the app is minified (each satellite is, the same way)
 * @param shared - what every satellite takes from the app (none by default)
 * @returns the plugin
 */
export function satellites(
  root: string,
  satellites: readonly Satellite[],
  alias: readonly Alias[],
  plugins: () => Plugin[],
  minify: Pick<BuildOptions, 'minify' | 'terserOptions'>,
  shared: Shared = {},
): Plugin {
  if (satellites.some((s) => s.name === SHARED_KEY))
    throw new Error(`huiyi:satellites: no satellite may be named ${SHARED_KEY}`);
  const sharedNames = Object.entries(shared).flatMap(([module, names]) =>
    namesOf(names).map((name) => ({ module, name })),
  );
  const byId = new Map(satellites.map((s) => [resolvePath(root, s.entry), s]));
  const urls = new Map<string, string>();
  const files: { fileName: string; source: string }[] = [];
  let base = '/';
  return {
    name: 'huiyi:satellites',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    async buildStart() {
      urls.clear();
      files.length = 0;
      for (const s of satellites) {
        const own = (s.plugins ?? plugins)();
        const source = await buildSatellite(root, base, s, alias, own, minify, shared);
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
        const fileName = `assets/${s.file ?? s.name}-${hash}.js`;
        files.push({ fileName, source });
        urls.set(s.name, `${base}${fileName}`);
      }
    },
    resolveId(id) {
      return id === LOADER_ID ? id : null;
    },
    load(id) {
      if (id !== LOADER_ID) return null;
      // The registry, made by the app with what it shares before any satellite loads; one script
      // per satellite, added once, its exports what it registered. A script that failed, or ran
      // without registering, is forgotten: the next ask adds it again.
      return `${sharedNames.map((s, i) => `import { ${s.name} as s${i} } from ${JSON.stringify(s.module)};\n`).join('')}
const registry = (globalThis.${REGISTRY} = { ${SHARED_KEY}: [${sharedNames.map((_, i) => `s${i}`).join(', ')}] });
const urls = ${JSON.stringify(Object.fromEntries(urls))};
const loads = {};
export const loadSatellite = (name) =>
  (loads[name] ??= new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = urls[name];
    s.onload = s.onerror = () => {
      if (registry[name]) return resolve(registry[name]);
      delete loads[name];
      s.remove();
      reject(new Error('huiyi: ' + urls[name] + ' did not load'));
    };
    document.head.append(s);
  }));
`;
    },
    async transform(code, id) {
      if (!/\/kiosk\/src\/.*\.ts$/.test(id) || !code.includes('import(')) return null;
      let out = '';
      let last = 0;
      let found = false;
      for (const m of code.matchAll(/\bimport\(\s*(['"])([^'"]+)\1\s*\)/g)) {
        const resolved = await this.resolve(m[2]!, id);
        const s = resolved && byId.get(resolved.id.replace(/\?.*$/, ''));
        if (!s) continue;
        if (!urls.has(s.name)) throw new Error(`huiyi:satellites: ${s.name} was not built`);
        out += code.slice(last, m.index) + `__loadSatellite(${JSON.stringify(s.name)})`;
        last = m.index + m[0].length;
        found = true;
      }
      if (!found) return null;
      // The loader imported last: the modules it hands over keep their place in the bundle.
      return {
        code: `${out}${code.slice(last)}\nimport { loadSatellite as __loadSatellite } from ${JSON.stringify(LOADER_ID)};\n`,
        map: null,
      };
    },
    generateBundle() {
      for (const f of files)
        this.emitFile({ type: 'asset', fileName: f.fileName, source: f.source });
    },
  };
}

/** One satellite built as a minified IIFE that registers its module's exports. */
async function buildSatellite(
  root: string,
  base: string,
  s: Satellite,
  alias: readonly Alias[],
  plugins: Plugin[],
  minify: Pick<BuildOptions, 'minify' | 'terserOptions'>,
  shared: Shared,
): Promise<string> {
  const entryId = '\0huiyi:satellite-entry';
  // Each shared module's place in the list the app hands over.
  const first = new Map<string, number>();
  let at = 0;
  for (const [module, names] of Object.entries(shared)) {
    first.set(module, at);
    at += namesOf(names).length;
  }
  const out = (await build({
    configFile: false,
    root,
    base,
    logLevel: 'warn',
    publicDir: false,
    resolve: { alias: [...(s.alias ?? []), ...alias] },
    plugins: [
      ...plugins,
      {
        name: 'huiyi:satellite-entry',
        resolveId: (id) => (id === entryId ? id : null),
        load: (id) =>
          id === entryId
            ? `import { ${s.exports.join(', ')} } from ${JSON.stringify(resolvePath(root, s.entry))};\n` +
              `globalThis.${REGISTRY}[${JSON.stringify(s.name)}] = { ${s.exports.join(', ')} };`
            : null,
      },
      {
        // A module taken from another satellite: what that one registered.
        name: 'huiyi:satellite-takes',
        enforce: 'pre',
        async resolveId(id, importer, options) {
          if (!s.takes || id.startsWith('\0')) return null;
          const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
          return resolved?.id === s.takes.module ? TAKEN_ID : null;
        },
        load: (id) =>
          id === TAKEN_ID && s.takes
            ? `export const { ${s.takes.names.join(', ')} } = globalThis.${REGISTRY}[${JSON.stringify(s.takes.from)}];`
            : null,
      },
      {
        // A shared module is the app's, for the names it shares: the rest of it is the satellite's
        // own (`export *` gives way to the names the module exports itself).
        name: 'huiyi:satellite-shared',
        enforce: 'pre',
        async resolveId(id, importer, options) {
          if (importer?.startsWith(SHARED_ID) || id.startsWith('\0')) return null;
          const resolved = await this.resolve(id, importer, { ...options, skipSelf: true });
          return resolved && first.has(resolved.id) ? SHARED_ID + resolved.id : null;
        },
        load(id) {
          if (!id.startsWith(SHARED_ID)) return null;
          const module = id.slice(SHARED_ID.length);
          const from = first.get(module) ?? 0;
          const given = shared[module];
          const names = namesOf(given);
          const only = given !== undefined && 'only' in given;
          // A module the app defines, of which a satellite takes nothing: nothing to read.
          if (only && names.length === 0) return '';
          return (
            (only ? '' : `export * from ${JSON.stringify(module)};\n`) +
            `const s = globalThis.${REGISTRY}.${SHARED_KEY};\n` +
            names.map((n, i) => `export const ${n} = s[${from + i}];\n`).join('')
          );
        },
      },
    ],
    build: {
      ...minify,
      write: false,
      target: 'es2022',
      sourcemap: false,
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: entryId,
        output: { codeSplitting: false, format: 'iife', strict: true },
        checks: { emptyImportMeta: false },
      },
    },
  })) as Rolldown.RolldownOutput;
  const chunk = out.output.find((o): o is Rolldown.OutputChunk => o.type === 'chunk');
  if (!chunk) throw new Error(`huiyi:satellites: ${s.name} built no script`);
  return chunk.code;
}
