import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSpec } from '../config/loadSpec';
import { openDatabase } from '../store/db';
import { getRunFills } from '../store/queries';
import { runSpec } from './runSpec';

const DATA = fileURLToPath(new URL('../../fixtures/data/', import.meta.url));
const onCents = (p: number): boolean => Math.abs(p * 100 - Math.round(p * 100)) < 1e-6;

async function fillPrices(spec: Record<string, unknown>): Promise<number[]> {
  const db = openDatabase(':memory:');
  try {
    const { runId } = await runSpec(parseSpec({ name: 't', ...spec }, 'spec.yaml', DATA), { db });
    return getRunFills(db, runId as string, { limit: 10_000, offset: 0 }).map((f) => f.price);
  } finally {
    db.close();
  }
}

describe('the tick fills print on, by data source', () => {
  it('rounds the synthetic market to cents by default', async () => {
    const prices = await fillPrices({ data: { synthetic: { symbols: 3, years: 0.5 } }, strategy: { name: 'equal-weight', params: { rebalance: 'monthly' } } });
    expect(prices.length).toBeGreaterThanOrEqual(3);
    expect(prices.every(onCents)).toBe(true);
  });

  it('leaves a split-adjusted file quoted finer than cents unrounded, as the peers fill it', async () => {
    const spec = {
      data: { csv: 'orcl-1995-2014.txt' },
      end: '1996-12-31',
      strategy: { name: 'sma-cross', params: { fast: 10, slow: 20 } },
      simulator: { slippage_bps: 0, spread_bps: 0, use_volume_constraints: false, commission: { model: 'percent', rate: 0.002 } },
    };
    const prices = await fillPrices(spec);
    expect(prices.length).toBeGreaterThan(5);
    expect(prices.some((p) => !onCents(p))).toBe(true);
    // With tick_size set, the same file prints on the cent grid.
    expect((await fillPrices({ ...spec, simulator: { ...spec.simulator, tick_size: 0.01 } })).every(onCents)).toBe(true);
  });
});
