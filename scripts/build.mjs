// Bundles the Node entry points into dist/ (what a packaged app runs) and copies the SQL migrations
// beside them, where core/store finds them relative to the bundle.
import { build } from 'esbuild';
import { cpSync, rmSync } from 'node:fs';

const entries = { 'cli/backtest': 'core/cli/backtest.ts' };

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
cpSync('core/store/migrations', 'dist/cli/migrations', { recursive: true, filter: (f) => !f.endsWith('.ts') });
console.log(`built ${Object.keys(entries).map((e) => `dist/${e}.mjs`).join(', ')}`);
