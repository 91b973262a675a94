import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const config = parse(readFileSync(fileURLToPath(new URL('../electron-builder.yml', import.meta.url)), 'utf8')) as Record<string, unknown>;

describe('electron-builder.yml', () => {
  it('flips the fuses that turn the app binary into a Node or let it load other code', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app in an asar (which the asar-only fuse requires), with the native SQLite binding unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**']);
    expect(config.files).toContain('dist/**');
  });
});
