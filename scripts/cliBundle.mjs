// The `tradedesk` command's bundle (package.json "bin"): one dispatcher whose subcommands are separate chunks,
// loaded only when called, so a backtest does not load the web server, ws or the IB client at start.
// zod and yaml are bundled in: pure ESM made of many small files, whose loading took most of a cold start.
// The other packages stay external (better-sqlite3 is native; pino starts its transports by module name).
import { build } from 'esbuild';
import { chmodSync, cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zodEnglishOnly } from './zodEnglishOnly.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLED = new Set(['zod', 'yaml']);
const external = Object.keys(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies).filter((d) => !BUNDLED.has(d));

/** Builds the command into `outDir` (absolute) (two levels below the project root, where the host finds configs/). */
export async function buildCli(outDir, { sourcemap = true } = {}) {
  await build({
    entryPoints: {
      tradedesk: 'core/cli/tradedesk.ts',
      // Started by the host's job queue as a worker thread, next to the entry that runs the host.
      backtestWorker: 'core/service/backtests/worker/backtestWorker.ts',
      // The sweep pool's worker program, found the same way.
      sweepWorker: 'core/service/research/worker/sweepWorker.ts',
    },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    // Chunks sit beside the entry: the code in them finds migrations/, the worker and configs/ relative to itself.
    chunkNames: '[name]-[hash]',
    absWorkingDir: root,
    bundle: true,
    splitting: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    external,
    // yaml's Node build is CommonJS: its require() of Node's own modules needs a real require in an ES module.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    plugins: [zodEnglishOnly],
    sourcemap,
    logLevel: 'warning',
  });
  chmodSync(path.join(outDir, 'tradedesk.mjs'), 0o755);
  cpSync(path.join(root, 'core/store/migrations'), path.join(outDir, 'migrations'), { recursive: true, filter: (f) => !f.endsWith('.ts') });
}
