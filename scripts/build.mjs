// Bundles the `tradedesk` command into dist/cli/ and the desktop entry points into dist/electron/ (what a packaged app runs), copies the SQL migrations
// beside them, where core/store finds them relative to the bundle, and builds the renderer with vite.
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build as viteBuild } from 'vite';
import { buildCli } from './cliBundle.mjs';

/**
 * Gives the declarations' relative imports their `.js` extension, as moduleResolution node16 and
 * nodenext require of a package's types (the sources import without one, which only `bundler` accepts).
 */
function withDeclarationExtensions(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) withDeclarationExtensions(file);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(file, 'utf8').replace(/(from\s+['"])(\.{1,2}\/[^'"]+?)(['"])/g, (all, open, spec, close) => {
        if (/\.(m|c)?js$/.test(spec)) return all;
        const target = path.resolve(path.dirname(file), spec);
        if (existsSync(`${target}.d.ts`)) return `${open}${spec}.js${close}`;
        if (existsSync(path.join(target, 'index.d.ts'))) return `${open}${spec}/index.js${close}`;
        return all;
      });
      writeFileSync(file, text);
    }
  }
}

const entries = {
  // The desktop app's main process (package.json "main"): windows, IPC checks, app:// protocol.
  'electron/main': 'electron/main.ts',
  // The engine host's utility process, forked by main.
  'electron/hostProcess': 'electron/hostProcess.ts',
  'electron/backtestWorker': 'core/service/backtests/worker/backtestWorker.ts',
  'electron/sweepWorker': 'core/service/research/worker/sweepWorker.ts',
  // What package.json exports as 'tradedesk/strategy', for strategy modules outside the repository.
  'strategy/index': 'core/strategy/package.ts',
};

rmSync('dist', { recursive: true, force: true });
await buildCli(path.resolve('dist/cli'));
await build({
  entryPoints: entries,
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
// A sandboxed preload must be one CommonJS file that requires nothing but 'electron'.
await build({
  entryPoints: { 'electron/preload': 'electron/preload.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['electron'],
  logLevel: 'warning',
});
// The declarations of 'tradedesk/strategy' (package.json "exports" types), so a user's module type-checks against them.
const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.strategy.json'], { stdio: 'inherit' });
if (tsc.status !== 0) throw new Error('tsc -p tsconfig.strategy.json failed: no declarations for tradedesk/strategy');
withDeclarationExtensions('dist/types');
cpSync('core/store/migrations', 'dist/electron/migrations', { recursive: true, filter: (f) => !f.endsWith('.ts') });
await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
console.log(`built dist/cli/tradedesk.mjs, ${Object.keys(entries).map((e) => `dist/${e}.mjs`).join(', ')}, dist/electron/preload.cjs, dist/renderer/`);
