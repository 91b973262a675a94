import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronPackageDir, findElectronBinary } from './electronBinary';

describe('findElectronBinary', () => {
  let pkg: string;

  beforeEach(() => {
    pkg = mkdtempSync(path.join(tmpdir(), 'electron-pkg-'));
    writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.4.1' }));
  });
  afterEach(() => rmSync(pkg, { recursive: true, force: true }));

  it('reports a never-downloaded binary, with the version', () => {
    expect(findElectronBinary(pkg, {})).toEqual({ found: false, version: '45.4.1', reason: expect.stringContaining('never downloaded') });
  });

  it('reports a binary named by path.txt that is not there', () => {
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(pkg, {})).toMatchObject({ found: false, reason: expect.stringContaining(path.join(pkg, 'dist', 'electron')) });
  });

  it('finds the downloaded binary where path.txt says', () => {
    writeFileSync(path.join(pkg, 'path.txt'), 'Electron.app/Contents/MacOS/Electron');
    const binary = path.join(pkg, 'dist', 'Electron.app', 'Contents', 'MacOS', 'Electron');
    mkdirSync(path.dirname(binary), { recursive: true });
    writeFileSync(binary, '');
    expect(findElectronBinary(pkg, {})).toEqual({ found: true, path: binary, version: '45.4.1' });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'electron-dist-'));
    try {
      expect(findElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: dist }).found).toBe(false);
      writeFileSync(path.join(dist, 'electron'), '');
      expect(findElectronBinary(pkg, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({ found: true, path: path.join(dist, 'electron'), version: '45.4.1' });
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it("locates the project's electron package without loading it", () => {
    expect(path.basename(electronPackageDir())).toBe('electron');
    expect(findElectronBinary(electronPackageDir()).version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
