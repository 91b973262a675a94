import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findChromium } from './chromium.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'chromium-'));
const binary = path.join(dir, 'chromium');
writeFileSync(binary, '#!/bin/sh\n');
chmodSync(binary, 0o755);
const notExecutable = path.join(dir, 'plain');
writeFileSync(notExecutable, '');

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it names an executable', () => {
    expect(findChromium({ CHROMIUM_PATH: binary }, [])).toEqual({ path: binary });
  });

  it('refuses a CHROMIUM_PATH that is not executable, naming it', () => {
    const r = findChromium({ CHROMIUM_PATH: notExecutable }, [binary]);
    expect(r).toEqual({ error: expect.stringContaining(`CHROMIUM_PATH=${notExecutable}`) });
  });

  it('falls back to the first executable candidate', () => {
    expect(findChromium({}, [path.join(dir, 'missing'), notExecutable, binary])).toEqual({ path: binary });
  });

  it('says in one line how to get Chromium when there is none', () => {
    const r = findChromium({}, [path.join(dir, 'missing')]);
    expect('error' in r && r.error).toMatch(/^e2e needs Chromium .*apt-get install chromium.*CHROMIUM_PATH/);
    expect('error' in r && r.error.includes('\n')).toBe(false);
  });
});
