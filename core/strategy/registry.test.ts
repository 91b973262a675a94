import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUILTIN_STRATEGIES, createBuiltinStrategy, getStrategy, loadUserStrategy } from './registry';
import { dailyBars, plain, runSessions } from './testView';

const CONFIG_DIR = fileURLToPath(new URL('../../configs/strategies/', import.meta.url));

describe('built-in registry', () => {
  it('lists the five built-ins by name', () => {
    expect(BUILTIN_STRATEGIES.map((s) => s.name)).toEqual([
      'buy-and-hold',
      'sma-cross',
      'momentum',
      'equal-weight',
      'targets',
    ]);
    expect(getStrategy('momentum').name).toBe('momentum');
  });

  it('names the known strategies when one is unknown', () => {
    expect(() => getStrategy('smacross')).toThrow(
      'unknown strategy "smacross"; known: buy-and-hold, sma-cross, momentum, equal-weight, targets',
    );
  });

  it('validates params with the strategy name and field in the error', () => {
    const ctx = { symbols: ['A'], baseDir: '.' };
    expect(() => createBuiltinStrategy('sma-cross', { fast: 30 }, ctx)).toThrow(
      /invalid params for strategy "sma-cross": fast: sma-cross: fast must be less than slow/,
    );
    expect(createBuiltinStrategy('buy-and-hold', undefined, ctx)).toBeTypeOf('function');
  });
});

describe('loadUserStrategy', () => {
  const ctx = { symbols: ['A'], baseDir: CONFIG_DIR };

  it('loads the example mean-reversion module through create(params, ctx)', async () => {
    const fn = await loadUserStrategy('example-mean-reversion.ts', { lookback: 3, entryZ: 1, exitZ: 0 }, ctx);
    if (typeof fn !== 'function') throw new Error('expected a strategy function');
    // Bar 3 (z = -1.15 on 10, 10, 7) enters; bar 4 (z = +0.93 on 10, 7, 12) exits.
    const out = runSessions(fn, { A: dailyBars('2024-01-01', [10, 10, 10, 7, 12, 12]) }).map((s) => plain(s.targets));
    expect(out).toEqual([null, null, null, { kind: 'weight', values: { A: 1 } }, { kind: 'weight', values: {} }, null]);
  });

  it('surfaces the example module\'s own param errors', async () => {
    await expect(loadUserStrategy('example-mean-reversion.ts', { lookbak: 3 }, ctx)).rejects.toThrow(
      'unknown param "lookbak"',
    );
  });

  it('accepts a default export and rejects a module exporting neither, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'user-strategy-'));
    writeFileSync(join(dir, 'plain.mjs'), 'export default () => null;\n');
    writeFileSync(join(dir, 'empty.mjs'), 'export const nothing = 1;\n');
    const userCtx = { symbols: ['A'], baseDir: dir };
    const fn = await loadUserStrategy('plain.mjs', {}, userCtx);
    expect(fn).toBeTypeOf('function');
    await expect(loadUserStrategy('empty.mjs', {}, userCtx)).rejects.toThrow(
      `strategy module ${join(dir, 'empty.mjs')} exports no strategy`,
    );
    await expect(loadUserStrategy('missing.mjs', {}, userCtx)).rejects.toThrow(
      `strategy module ${join(dir, 'missing.mjs')} could not be loaded`,
    );
  });

  it('loads a strategy object and names a hook or params that are not what they must be', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'user-strategy-'));
    writeFileSync(join(dir, 'object.mjs'), 'export default { onBar() { return null; } };\n');
    writeFileSync(join(dir, 'badHook.mjs'), 'export default { onBar: 5 };\n');
    writeFileSync(join(dir, 'badParams.mjs'), 'export const strategy = { params: { x: 1 }, onBar() {} };\n');
    const userCtx = { symbols: ['A'], baseDir: dir };
    const loaded = await loadUserStrategy('object.mjs', {}, userCtx);
    expect(typeof loaded === 'object' && typeof loaded.onBar).toBe('function');
    await expect(loadUserStrategy('badHook.mjs', {}, userCtx)).rejects.toThrow(`strategy module ${join(dir, 'badHook.mjs')}: default.onBar must be a function, got number`);
    await expect(loadUserStrategy('badParams.mjs', {}, userCtx)).rejects.toThrow('strategy.params must be a zod schema');
  });

  it('reads a TypeScript module of a CommonJS folder, whose exports tsx hands back one level down', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'user-strategy-cjs-'));
    writeFileSync(join(dir, 'package.json'), '{"name": "mine"}\n');
    writeFileSync(join(dir, 'mine.ts'), 'const s: { onBar(): null } = { onBar() { return null; } };\nexport default s;\n');
    const loaded = await loadUserStrategy('mine.ts', {}, { symbols: ['A'], baseDir: dir });
    expect(typeof loaded === 'object' && typeof loaded.onBar).toBe('function');
  });
});
