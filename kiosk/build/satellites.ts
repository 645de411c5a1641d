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
}

/** How the built satellites meet the app: each registers its module's exports under its name. */
const REGISTRY = '__huiyiSatellites';
const LOADER_ID = '\0huiyi:satellite-loader';

/**
 * Builds each satellite as its own classic script and makes every `import()` of one, in the app's
 * source, load that script instead of bundling the module (with code splitting off, an `import()`
 * is bundled into the one file). In `vite dev` and in the component tests nothing changes: the
 * `import()` loads the module.
 *
 * Each satellite is a whole IIFE of its own: what it shares with the app (a few of the core's
 * functions) is in it twice, and it must not hold state the app also holds.
 *
 * @param root - the kiosk's folder
 * @param satellites - the modules kept out
 * @param alias - the app's aliases (the satellites resolve as the app does)
 * @param plugins - makes the plugins each satellite is built with (the app's source transforms,
 *   and any that hand it the app's files)
 * @param minify - how the app is minified (each satellite is, the same way)
 * @returns the plugin
 */
export function satellites(
  root: string,
  satellites: readonly Satellite[],
  alias: readonly Alias[],
  plugins: () => Plugin[],
  minify: Pick<BuildOptions, 'minify' | 'terserOptions'>,
): Plugin {
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
        const source = await buildSatellite(root, base, s, alias, plugins(), minify);
        const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
        const fileName = `assets/${s.name}-${hash}.js`;
        files.push({ fileName, source });
        urls.set(s.name, `${base}${fileName}`);
      }
    },
    resolveId(id) {
      return id === LOADER_ID ? id : null;
    },
    load(id) {
      if (id !== LOADER_ID) return null;
      // One script per satellite, added once; its exports are what it registered.
      return `const loads = new Map();
export function loadSatellite(name, src) {
  let p = loads.get(name);
  if (!p) {
    p = new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = () => {
        const m = globalThis.${REGISTRY}?.[name];
        if (m) resolve(m);
        else reject(new Error('huiyi: ' + src + ' did not load'));
      };
      s.onerror = () => {
        loads.delete(name);
        s.remove();
        reject(new Error('huiyi: ' + src + ' did not load'));
      };
      document.head.append(s);
    });
    loads.set(name, p);
  }
  return p;
}`;
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
        const url = urls.get(s.name);
        if (!url) throw new Error(`huiyi:satellites: ${s.name} was not built`);
        out +=
          code.slice(last, m.index) +
          `__loadSatellite(${JSON.stringify(s.name)}, ${JSON.stringify(url)})`;
        last = m.index + m[0].length;
        found = true;
      }
      if (!found) return null;
      return {
        code: `import { loadSatellite as __loadSatellite } from ${JSON.stringify(LOADER_ID)};\n${out}${code.slice(last)}`,
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
): Promise<string> {
  const entryId = '\0huiyi:satellite-entry';
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
              `(globalThis.${REGISTRY} ??= {})[${JSON.stringify(s.name)}] = { ${s.exports.join(', ')} };`
            : null,
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
