import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { zodEnglishOnly } from './zodEnglishOnly.mjs';

const dir = mkdtempSync(path.join(tmpdir(), 'zod-en-'));
const entry = path.join(dir, 'entry.ts');
writeFileSync(
  entry,
  "import { z } from 'zod';\n" +
    "const r = z.object({ n: z.number().positive() }).safeParse({ n: -1 });\n" +
    'export const message = r.success ? null : r.error.issues[0].message;\n' +
    'export const locales = Object.keys(z.locales);\n',
);

async function bundle(plugins: typeof zodEnglishOnly[]): Promise<string> {
  const outfile = path.join(dir, `out-${plugins.length}.mjs`);
  await build({ entryPoints: [entry], outfile, bundle: true, platform: 'node', format: 'esm', nodePaths: [path.resolve('node_modules')], plugins, logLevel: 'silent' });
  return outfile;
}

describe('zodEnglishOnly', () => {
  it('leaves every locale but English out of a bundle, and zod still speaks English', async () => {
    const withAll = await bundle([]);
    const englishOnly = await bundle([zodEnglishOnly]);
    const all = (await import(pathToFileURL(withAll).href)) as { message: string; locales: string[] };
    const en = (await import(pathToFileURL(englishOnly).href)) as { message: string; locales: string[] };
    expect(all.locales.length).toBeGreaterThan(10);
    expect(en.locales).toEqual(['en']);
    expect(en.message).toBe(all.message);
    expect(en.message).toMatch(/^Too small: expected number to be >0$/);
    expect(readFileSync(englishOnly).length).toBeLessThan(readFileSync(withAll).length - 200_000);
  });
});
