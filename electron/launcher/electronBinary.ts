import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronBinary = { found: true; path: string; version: string } | { found: false; reason: string; version: string };

/** node_modules/electron, found without loading its index.js (which downloads the binary when it is missing). */
export function electronPackageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
}

/**
 * The Electron executable the `electron` package would run, found the way its index.js finds it
 * (path.txt, or ELECTRON_OVERRIDE_DIST_PATH), but never triggering a download.
 */
export function findElectronBinary(packageDir: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const version = (JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const pathFile = path.join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const binary = path.join(override, relative || 'electron');
    return existsSync(binary) ? { found: true, path: binary, version } : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH names ${binary}, which does not exist`, version };
  }
  if (relative === null) return { found: false, reason: `its binary was never downloaded (${pathFile} is missing)`, version };
  const binary = path.join(packageDir, 'dist', relative);
  return existsSync(binary) ? { found: true, path: binary, version } : { found: false, reason: `its binary ${binary} is missing`, version };
}
