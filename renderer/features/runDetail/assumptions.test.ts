import { describe, expect, it } from 'vitest';
import type { RunDetail } from '../../../core/ipc/contract/backtests';
import { assumptionRows, describeCommission, describeData, describeSymbols } from './assumptions';

const run: RunDetail = {
  id: '250adf35-39bc-4ef3-ab78-0902097eb60f',
  name: 'goog-sma',
  strategy: 'sma-cross',
  status: 'completed',
  error: null,
  createdAt: 0,
  finishedAt: 1,
  periodStart: Date.UTC(2004, 7, 19),
  periodEnd: Date.UTC(2013, 2, 1),
  sessionsTotal: 2148,
  sessionsDone: 2148,
  initialCash: 10_000,
  metrics: null,
  seed: 42,
  dataFingerprint: 'sha256:abc123',
  appVersion: '0.1.0',
  symbols: ['GOOG'],
  config: {
    strategy: { kind: 'builtin', name: 'sma-cross', params: { fast: 10, slow: 20 } },
    data: { kind: 'csv', files: [{ symbol: 'GOOG', path: '/data/GOOG.csv' }], adjustment: 'raw' },
    benchmark: 'buy_and_hold',
    simulator: {
      fill_timing: 'same_close',
      slippage_bps: 5,
      spread_bps: 2,
      impact_k: 0,
      limit_fill: 'touch',
      limit_fill_prob: 0.9,
      use_volume_constraints: true,
      max_participation_rate: 0.1,
      commission: { model: 'ibkr_fixed', regulatory_fees: true },
      account: { type: 'margin', max_leverage: 2, allow_short: true, maintenance_margin: 0.25 },
      on_insufficient_funds: 'reduce',
    },
    planner: { size_at: 'execution', min_order_quantity: 1, min_order_value: 0, lot_size: 1 },
  },
};

describe('assumptionRows', () => {
  const rows = Object.fromEntries(assumptionRows(run).map((r) => [r.label, r]));

  it('lists the cost models, seed, data and version the run was computed under', () => {
    expect(rows['Slippage'].value).toBe('5 bps');
    expect(rows['Market impact'].value).toBe('off');
    expect(rows['Participation'].value).toBe('at most 10 % of bar volume');
    expect(rows['Commission'].value).toBe('IBKR Pro Fixed, with regulatory fees');
    expect(rows['Account'].value).toBe('margin, leverage 2×, shorts allowed, maintenance 25 %');
    expect(rows['Strategy'].value).toBe('sma-cross (fast=10, slow=20)');
    expect(rows['Seed'].value).toBe('42');
    expect(rows['Data'].value).toBe('CSV (raw): /data/GOOG.csv');
    expect(rows['Data fingerprint'].value).toBe('sha256:abc123');
    expect(rows['App version'].value).toBe('0.1.0');
    expect(rows['Period'].value).toBe('2004-08-19 → 2013-03-01');
    expect(rows['Tick size'].value).toBe('the grid the data is quoted on, 0.01 to 0.00001, else unrounded (default)');
    expect(rows['End of run'].value).toBe('positions left open, marked at the last close');
    expect(rows['Symbols'].value).toBe('GOOG');
  });

  it('names the symbols, the first eight of a large universe', () => {
    expect(describeSymbols([])).toBe('—');
    const many = Array.from({ length: 20 }, (_, i) => `S${i + 1}`);
    expect(describeSymbols(many)).toBe('S1, S2, S3, S4, S5, S6, S7, S8 and 12 more (20)');
  });

  it('shows the tick size and close_at_end of a run that set them', () => {
    const set = { ...run, config: { ...run.config, close_at_end: true, simulator: { tick_size: 0.0001 } } };
    const byLabel = Object.fromEntries(assumptionRows(set).map((r) => [r.label, r.value]));
    expect(byLabel['Tick size']).toBe('0.0001, fills at the nearest tick');
    expect(byLabel['End of run']).toBe('positions closed at the last close, with costs');
    const off = { ...run, config: { ...run.config, simulator: { tick_size: 0 } } };
    expect(assumptionRows(off).find((r) => r.label === 'Tick size')?.value).toBe('unrounded');
  });

  it('warns that same-close fills are optimistic', () => {
    expect(rows['Fill timing'].warning).toMatch(/optimistic/);
    const nextOpen = { ...run, config: { ...run.config, simulator: { fill_timing: 'next_open' } } };
    expect(assumptionRows(nextOpen).find((r) => r.label === 'Fill timing')?.warning).toBeUndefined();
  });

});

describe('describeData', () => {
  it('reads the resolved shape', () => {
    expect(describeData({ kind: 'synthetic', symbols: 20, years: 10, seed: 1, start: '2000-01-03' })).toBe('synthetic: 20 symbols × 10 years from 2000-01-03, seed 1');
    expect(describeData({ kind: 'csv', files: [{ symbol: 'GOOG', path: '/data/GOOG.csv' }], adjustment: 'raw' })).toBe('CSV (raw): /data/GOOG.csv');
  });

  it('reads the spec shape, filling the synthetic defaults', () => {
    expect(describeData({ synthetic: { symbols: 5, years: 3 } })).toBe('synthetic: 5 symbols × 3 years from 2000-01-03, seed 1');
    expect(describeData({ csv: [{ symbol: 'GOOG', csv: '/data/GOOG.csv' }] })).toBe('CSV: /data/GOOG.csv');
    expect(describeData({ csv: '/data/A.csv' })).toBe('CSV: /data/A.csv');
  });

  it('shortens a long list of files', () => {
    const files = ['A', 'B', 'C', 'D', 'E'].map((s) => ({ symbol: s, csv: `/d/${s}.csv` }));
    expect(describeData({ csv: files })).toBe('CSV: /d/A.csv, /d/B.csv, /d/C.csv and 2 more');
  });

  it('describes the bar store', () => {
    expect(describeData({ store: { symbols: ['A', 'B'], bar_size: '1d' }, adjustment: 'split' })).toBe('bar store (1d, split): A, B');
    expect(describeData({ store: { symbols: ['A', 'B', 'C', 'D'], bar_size: '1d' }, adjustment: 'split' })).toBe('bar store (1d, split): 4 symbols');
  });
});

describe('describeCommission', () => {
  it('spells out each model with its bounds', () => {
    expect(describeCommission({ model: 'per_share', rate: 0.005, minimum: 1, maximum_pct: 0.01 })).toBe('per share: 0.005/share, min 1.00, max 1 % of value');
    expect(describeCommission({ model: 'percent', rate: 0.001, minimum: 0 })).toBe('percent: 0.1 % of value');
    expect(describeCommission({ model: 'fixed', amount: 2.5 })).toBe('fixed: 2.50 per order');
    expect(describeCommission({ model: 'none' })).toBe('none');
    expect(describeCommission({ model: 'ibkr_tiered', regulatory_fees: false })).toBe('IBKR Pro Tiered, no regulatory fees');
  });
});
