// `npm start`: prepares and opens the desktop app. Steps, each failing with a clear message:
// Electron's binary (downloaded by the electron package on first use), better-sqlite3 built for
// Electron (a separate copy; see electron/README.md), the bundles, then `electron .`.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronPackageDir, findElectronBinary, type ElectronBinary } from './electronBinary';
import { ensureElectronSqlite, linkIntoBundle } from './electronSqlite';
import { electronArgs } from './launchArgs';
import { firstLine, missingDisplay } from './preflight';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bundleDir = path.join(root, 'dist', 'electron');

function fail(message: string): never {
  console.error(`\nnpm start: ${message}\n\nThe same app runs in your browser on this machine: npm run web\n`);
  process.exit(1);
}

/** The binary, downloading it first through the electron package's own installer when it is missing. */
function electronBinary(): ElectronBinary & { found: true } {
  const packageDir = electronPackageDir();
  const before = findElectronBinary(packageDir);
  if (before.found) return before;
  console.log(`npm start: downloading Electron ${before.version}...`);
  const download = spawnSync(process.execPath, [path.join(packageDir, 'install.js')], { encoding: 'utf8' });
  const after = findElectronBinary(packageDir);
  if (after.found) return after;
  fail(
    `Electron ${after.version} cannot run on this machine: ${after.reason}, and downloading it from GitHub failed ` +
      `(${firstLine(`${download.stderr ?? ''}${download.stdout ?? ''}`)}).`,
  );
}

const binary = electronBinary();
const noDisplay = missingDisplay();
if (noDisplay) fail(`the desktop app needs a display, and ${noDisplay}.`);

let sqliteDir: string;
try {
  sqliteDir = ensureElectronSqlite(root, binary.version);
} catch (err) {
  fail(err instanceof Error ? err.message : String(err));
}

if (spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' }).status !== 0) {
  fail('the build failed (see above).');
}
for (const file of [path.join(bundleDir, 'main.mjs'), path.join(bundleDir, 'hostProcess.mjs'), path.join(bundleDir, 'preload.cjs'), path.join(root, 'dist', 'renderer', 'index.html')]) {
  if (!existsSync(file)) fail(`the build did not produce ${path.relative(root, file)}.`);
}
linkIntoBundle(sqliteDir, bundleDir);

const env = { ...process.env };
// Set in a shell, this would start Electron as plain Node without a window.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary.path, electronArgs(root, process.argv.slice(2)), { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
