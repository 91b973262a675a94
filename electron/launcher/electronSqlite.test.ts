import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildKey,
  ensureElectronSqlite,
  isStagedBuildCurrent,
  linkIntoBundle,
  rebuildCommand,
  stagedModuleDir,
  stageSources,
  stagingDir,
  type Runner,
} from './electronSqlite';

const BINDING = path.join('build', 'Release', 'better_sqlite3.node');

/** A project with a better-sqlite3 that has sources and a (Node) build. */
function fakeProject(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'tradedesk-proj-'));
  const mod = path.join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(path.join(mod, 'lib'), { recursive: true });
  mkdirSync(path.join(mod, 'build', 'Release'), { recursive: true });
  writeFileSync(path.join(mod, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }));
  writeFileSync(path.join(mod, 'binding.gyp'), '{}');
  writeFileSync(path.join(mod, 'lib', 'index.js'), 'module.exports = 1;');
  writeFileSync(path.join(mod, BINDING), 'node abi');
  return root;
}

describe('the Electron build of better-sqlite3', () => {
  let root: string;

  beforeEach(() => {
    root = fakeProject();
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    vi.restoreAllMocks();
  });

  it('stages the sources without the Node build, leaving the project copy alone', () => {
    const staging = stagingDir(root);
    stageSources(root, staging);
    const mod = stagedModuleDir(staging);
    expect(readFileSync(path.join(mod, 'lib', 'index.js'), 'utf8')).toBe('module.exports = 1;');
    expect(existsSync(path.join(mod, 'build'))).toBe(false);
    expect(JSON.parse(readFileSync(path.join(staging, 'package.json'), 'utf8')).dependencies).toEqual({ 'better-sqlite3': '12.11.1' });
    expect(readFileSync(path.join(root, 'node_modules', 'better-sqlite3', BINDING), 'utf8')).toBe('node abi');
  });

  it('keys a build by Electron version, better-sqlite3 version and platform', () => {
    expect(buildKey(root, '45.4.1', 'linux', 'x64')).toBe('electron 45.4.1, better-sqlite3 12.11.1, linux-x64');
    expect(buildKey(root, '46.0.0', 'linux', 'x64')).not.toBe(buildKey(root, '45.4.1', 'linux', 'x64'));
  });

  it('rebuilds through electron-rebuild without the Node headers folder', () => {
    const cmd = rebuildCommand('/work/main', '/s', '45.4.1', { PATH: '/bin', npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr' });
    expect(cmd.command).toBe(process.execPath);
    expect(cmd.args[0]).toMatch(/@electron[\\/]rebuild[\\/]lib[\\/]cli\.js$/);
    expect(cmd.args.slice(1)).toEqual(['--force', '--version', '45.4.1', '--module-dir', '/s', '--which-module', 'better-sqlite3']);
    expect(cmd.env).toEqual({ PATH: '/bin' });
  });

  describe('ensureElectronSqlite', () => {
    const runs: string[][] = [];
    /** Stands in for electron-rebuild: writes the binding it would build, or fails. */
    const rebuilder =
      (ok: boolean): Runner =>
      (_command, args) => {
        runs.push(args);
        if (!ok) return { status: 1, error: undefined };
        const staging = args[args.indexOf('--module-dir') + 1];
        mkdirSync(path.join(stagedModuleDir(staging), 'build', 'Release'), { recursive: true });
        writeFileSync(path.join(stagedModuleDir(staging), BINDING), 'electron abi');
        return { status: 0, error: undefined };
      };

    beforeEach(() => {
      runs.length = 0;
      vi.spyOn(console, 'log').mockImplementation(() => undefined);
      const pkg = path.join(root, 'node_modules', '@electron', 'rebuild');
      mkdirSync(path.join(pkg, 'lib'), { recursive: true });
      writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: '@electron/rebuild', exports: './lib/main.js' }));
      writeFileSync(path.join(pkg, 'lib', 'main.js'), '');
    });

    it('builds once, then reuses the build until the key changes', () => {
      const dir = ensureElectronSqlite(root, '45.4.1', rebuilder(true));
      expect(dir).toBe(stagedModuleDir(stagingDir(root)));
      expect(readFileSync(path.join(dir, BINDING), 'utf8')).toBe('electron abi');
      expect(isStagedBuildCurrent(stagingDir(root), buildKey(root, '45.4.1'))).toBe(true);
      expect(runs).toHaveLength(1);

      ensureElectronSqlite(root, '45.4.1', rebuilder(true));
      expect(runs).toHaveLength(1);

      ensureElectronSqlite(root, '46.0.0', rebuilder(true));
      expect(runs).toHaveLength(2);
      expect(readFileSync(path.join(root, 'node_modules', 'better-sqlite3', BINDING), 'utf8')).toBe('node abi');
    });

    it('fails with the cause, and leaves no build that passes for current', () => {
      expect(() => ensureElectronSqlite(root, '45.4.1', rebuilder(false))).toThrow(/could not build better-sqlite3 for Electron 45\.4\.1 .*exited with 1.*network/);
      expect(isStagedBuildCurrent(stagingDir(root), buildKey(root, '45.4.1'))).toBe(false);
    });
  });

  it('links the Electron build into the bundle folder, replacing an older link', () => {
    const first = path.join(root, 'first');
    const second = path.join(root, 'second');
    mkdirSync(first);
    mkdirSync(second);
    const bundle = path.join(root, 'dist', 'electron');
    const link = path.join(bundle, 'node_modules', 'better-sqlite3');
    linkIntoBundle(first, bundle);
    expect(realpathSync(link)).toBe(realpathSync(first));
    linkIntoBundle(second, bundle);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(realpathSync(link)).toBe(realpathSync(second));
    expect(existsSync(first)).toBe(true);
  });
});
