import { describe, expect, it } from 'vitest';
import { strategyInfos } from '../../../core/service/backtests/specForm';
import { paramModels } from './paramModels';
import { draftFromRequest } from './rerunDraft';
import { initialDraft, type SweepDraft } from './sweepDraft';
import { axisCount, buildSweep, buildWindows } from './sweepRequest';

const strategies = strategyInfos();
const models = paramModels(strategies.find((s) => s.name === 'sma-cross'));
const BASE = { name: 'base', data: { synthetic: { symbols: 5 } }, strategy: { name: 'sma-cross', params: { fast: 8, slow: 30 } } };
const fresh = (): SweepDraft => initialDraft(BASE, strategies, 'defaults', 'engine defaults');

describe('initialDraft', () => {
  it('centres the ranges on the base’s own values (ends on the step) and varies the integers', () => {
    const d = fresh();
    expect(d.strategy).toBe('sma-cross');
    expect(d.params.fast).toMatchObject({ vary: true, from: '4', to: '16', step: '1', fixed: '8' });
    expect(d.params.slow).toMatchObject({ vary: true, from: '14', to: '60', step: '2', fixed: '30' });
    expect(d.params.mode).toMatchObject({ vary: false, chosen: ['long_only', 'long_short'], fixed: 'long_only' });
    expect(d.where).toBe('fast < slow');
    expect(d.name).toBe('base sweep');
  });

  it('starts a strategy module’s base on the first built-in (a module has no schema to vary)', () => {
    const d = initialDraft({ strategy: { module: 'x.ts' } }, strategies, 'r', 'run');
    expect(d.strategy).toBe(strategies[0].name);
  });
});

describe('buildSweep', () => {
  it('sends the base with the strategy’s fixed values, and one axis per varied row', () => {
    const d = fresh();
    d.params = { ...d.params, mode: { ...d.params.mode, vary: true, chosen: ['long_short', 'long_only'] }, weight: { ...d.params.weight, fixed: '' } };
    const built = buildSweep(d, models, 'sharpe');
    expect(built.issues).toEqual([]);
    expect(built.request).toEqual({
      spec: { ...BASE, name: 'base sweep', strategy: { name: 'sma-cross', params: { fast: 8, slow: 30, mode: 'long_only' } } },
      axes: [
        { name: 'fast', min: 4, max: 16, step: 1 },
        { name: 'slow', min: 14, max: 60, step: 2 },
        // Choices go in the schema's order, whatever order they were ticked in.
        { name: 'mode', values: ['long_only', 'long_short'] },
      ],
      search: { kind: 'grid' },
      where: 'fast < slow',
      objective: 'sharpe',
    });
    expect(built.counts).toEqual({ fast: 13, slow: 24, mode: 2 });
  });

  it('names what is wrong with a row and sends nothing', () => {
    const d = fresh();
    d.params = {
      ...d.params,
      fast: { ...d.params.fast, from: 'x' },
      slow: { ...d.params.slow, step: '-1' },
      mode: { ...d.params.mode, vary: true, chosen: [] },
      weight: { ...d.params.weight, vary: true, step: '' },
    };
    const built = buildSweep(d, models, 'sharpe');
    expect(built.request).toBeNull();
    expect(built.paramIssues).toEqual({
      fast: 'give a number for from and to',
      slow: 'the step must be a number above 0',
      mode: 'tick at least one choice',
      weight: 'a grid needs a step for a fractional parameter',
    });
  });

  it('asks for an axis, and checks a random search’s samples and seed', () => {
    const d = fresh();
    d.params = Object.fromEntries(Object.entries(d.params).map(([k, v]) => [k, { ...v, vary: false }]));
    expect(buildSweep(d, models, 'sharpe').issues).toEqual(['Tick “vary” on at least one parameter.']);
    const r = { ...fresh(), search: { kind: 'random' as const, samples: '0', seed: '1.5' } };
    expect(buildSweep(r, models, 'sharpe').issues).toEqual(['Samples must be a whole number from 1 to 100,000.', 'The seed must be a whole number.']);
    const ok = { ...fresh(), search: { kind: 'random' as const, samples: '300', seed: '7' } };
    expect(buildSweep(ok, models, 'sharpe').request?.search).toEqual({ kind: 'random', samples: 300, seed: 7 });
  });
});

describe('axisCount', () => {
  it('counts a grid’s values, the last one kept despite float noise', () => {
    expect(axisCount({ name: 'w', min: 0.1, max: 0.4, step: 0.1 }, false, true)).toBe(4);
    expect(axisCount({ name: 'n', min: 5, max: 20 }, true, true)).toBe(16);
    expect(axisCount({ name: 'n', min: 5, max: 20, step: 1 }, true, false)).toBeNull();
    expect(axisCount({ name: 'm', values: ['a', 'b'] }, false, false)).toBe(2);
  });
});

describe('buildWindows', () => {
  it('reads whole positive lengths, the step optional', () => {
    expect(buildWindows({ mode: 'rolling', unit: 'months', inSample: '24', outOfSample: '6', step: '' })).toEqual({
      plan: { mode: 'rolling', unit: 'months', inSample: 24, outOfSample: 6 },
      issues: [],
    });
    expect(buildWindows({ mode: 'anchored', unit: 'sessions', inSample: '0', outOfSample: '6', step: '2.5' })).toEqual({
      plan: null,
      issues: ['The in-sample length must be a whole number of sessions above 0.', 'The step must be a whole number of sessions above 0.'],
    });
  });
});

describe('draftFromRequest', () => {
  it('gives back the form a request was built from', () => {
    const d = fresh();
    const request = buildSweep(d, models, 'sharpe').request;
    if (!request) throw new Error('no request');
    const windows = { mode: 'anchored' as const, unit: 'sessions' as const, inSample: 500, outOfSample: 100, step: 50 };
    const back = draftFromRequest({ ...request, search: { kind: 'grid' }, where: request.where ?? '', objective: 'sharpe' }, windows, strategies, 'sweep:s', 'sweep s');
    expect(back.params.fast).toMatchObject({ vary: true, from: '4', to: '16', step: '1' });
    expect(back.params.mode.vary).toBe(false);
    expect(back.where).toBe('fast < slow');
    expect(back.windows).toEqual({ mode: 'anchored', unit: 'sessions', inSample: '500', outOfSample: '100', step: '50' });
    expect(back.tab).toBe('walkforward');
    expect(buildSweep(back, models, 'sharpe').request).toEqual(request);
  });
});
