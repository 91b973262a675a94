import { spawnSync, type SpawnSyncOptions, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * better-sqlite3 for Electron's ABI lives in its own staged copy, so the project's Node build (used
 * by tests, the CLI and web mode) is never touched: the copy is built once per Electron /
 * better-sqlite3 / platform combination and linked into the bundle's folder, where the bundle's
 * `import 'better-sqlite3'` (and the writer threads' require) find it before the project's copy.
 */
const MODULE = 'better-sqlite3';
const BINDING = path.join('build', 'Release', 'better_sqlite3.node');
const MARKER = 'built-for.txt';

export function stagingDir(projectRoot: string): string {
  return path.join(projectRoot, 'node_modules', '.cache', 'tradedesk-electron');
}

export function stagedModuleDir(staging: string): string {
  return path.join(staging, 'node_modules', MODULE);
}

function moduleVersion(projectRoot: string): string {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', MODULE, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** What a staged build is for; any change (Electron or better-sqlite3 upgraded, another machine) means a rebuild. */
export function buildKey(projectRoot: string, electronVersion: string, platform: string = process.platform, arch: string = process.arch): string {
  return `electron ${electronVersion}, ${MODULE} ${moduleVersion(projectRoot)}, ${platform}-${arch}`;
}

export function isStagedBuildCurrent(staging: string, key: string): boolean {
  const marker = path.join(staging, MARKER);
  return existsSync(path.join(stagedModuleDir(staging), BINDING)) && existsSync(marker) && readFileSync(marker, 'utf8') === key;
}

/** A fresh staging project holding better-sqlite3's sources, without the project's Node build. */
export function stageSources(projectRoot: string, staging: string): void {
  const source = path.join(projectRoot, 'node_modules', MODULE);
  const nodeBuild = path.join(source, 'build');
  rmSync(staging, { recursive: true, force: true });
  cpSync(source, stagedModuleDir(staging), { recursive: true, filter: (f) => f !== nodeBuild });
  const pkg = { name: 'tradedesk-electron-native', private: true, dependencies: { [MODULE]: moduleVersion(projectRoot) } };
  writeFileSync(path.join(staging, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
}

export interface Command {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * @electron/rebuild (installed with electron-builder) rebuilds the staged copy: a prebuilt binary
 * if one is published, else node-gyp against Electron's headers. Both are downloads, so this needs
 * the network once.
 */
export function rebuildCommand(projectRoot: string, staging: string, electronVersion: string, env: NodeJS.ProcessEnv = process.env): Command {
  // The package exports only its API (lib/main.js); the CLI sits beside it.
  const cli = path.join(path.dirname(createRequire(path.join(projectRoot, 'package.json')).resolve('@electron/rebuild')), 'cli.js');
  // A nodedir (set on these machines for the Node build) would make node-gyp compile against Node's headers.
  const childEnv = { ...env };
  delete childEnv.npm_config_nodedir;
  delete childEnv.NPM_CONFIG_NODEDIR;
  return {
    command: process.execPath,
    args: [cli, '--force', '--version', electronVersion, '--module-dir', staging, '--which-module', MODULE],
    env: childEnv,
  };
}

export type Runner = (command: string, args: string[], options: SpawnSyncOptions) => Pick<SpawnSyncReturns<Buffer>, 'status' | 'error'>;

/**
 * Returns the folder of better-sqlite3 built for `electronVersion`, building it first when the
 * staged build is missing or for something else. Throws, naming the cause, when the build fails.
 */
export function ensureElectronSqlite(projectRoot: string, electronVersion: string, run: Runner = spawnSync): string {
  const staging = stagingDir(projectRoot);
  const key = buildKey(projectRoot, electronVersion);
  if (isStagedBuildCurrent(staging, key)) return stagedModuleDir(staging);
  console.log(`npm start: building ${MODULE} for Electron ${electronVersion} in ${path.relative(projectRoot, staging)} (once)...`);
  stageSources(projectRoot, staging);
  const cmd = rebuildCommand(projectRoot, staging, electronVersion);
  const result = run(cmd.command, cmd.args, { stdio: 'inherit', env: cmd.env });
  if (result.error || result.status !== 0 || !existsSync(path.join(stagedModuleDir(staging), BINDING))) {
    const why = result.error ? result.error.message : `electron-rebuild exited with ${result.status}`;
    throw new Error(`could not build ${MODULE} for Electron ${electronVersion} (${why}); it downloads Electron's headers or a prebuilt binary, so it needs the network`);
  }
  writeFileSync(path.join(staging, MARKER), key);
  return stagedModuleDir(staging);
}

/** Points `<bundleDir>/node_modules/better-sqlite3` at the Electron build (a junction on Windows, which needs no privileges). */
export function linkIntoBundle(moduleDir: string, bundleDir: string): void {
  const link = path.join(bundleDir, 'node_modules', MODULE);
  mkdirSync(path.dirname(link), { recursive: true });
  // rm removes the link itself, never what it points at.
  rmSync(link, { recursive: true, force: true });
  symlinkSync(moduleDir, link, 'junction');
}
