// Bundles the Node entry points into dist/cli/ and dist/electron/ (what a packaged app runs), copies the SQL migrations
// beside them, where core/store finds them relative to the bundle, and builds the renderer with vite.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';
import { build as viteBuild } from 'vite';

const entries = {
  'cli/backtest': 'core/cli/backtest.ts',
  'cli/web': 'core/cli/web.ts',
  // Started by the host's job queue as a worker thread, next to the entry that runs the host.
  'cli/backtestWorker': 'core/service/backtests/worker/backtestWorker.ts',
  // The desktop app's main process (package.json "main"), which also runs a host.
  'electron/main': 'electron/main.ts',
  'electron/backtestWorker': 'core/service/backtests/worker/backtestWorker.ts',
};

rmSync('dist', { recursive: true, force: true });
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
for (const dir of ['dist/cli', 'dist/electron']) {
  cpSync('core/store/migrations', `${dir}/migrations`, { recursive: true, filter: (f) => !f.endsWith('.ts') });
}
await viteBuild({ configFile: 'renderer/vite.config.ts', logLevel: 'warn' });
console.log(`built ${Object.keys(entries).map((e) => `dist/${e}.mjs`).join(', ')}, dist/electron/preload.cjs, dist/renderer/`);
