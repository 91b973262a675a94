import { describe, expect, it } from 'vitest';
import { MemorySink } from '../backtest/memorySink';
import type { RunResult } from '../backtest/runner';
import { parseSpec } from '../config/loadSpec';
import { defaultSpec } from './backtests/specForm';
import { runSpec } from './runSpec';

const DAY_MS = 86_400_000;
/** An order resizing a held position by less than this share of equity is dust: commission for nothing. */
const DUST_SHARE = 0.005;

interface DefaultRun {
  result: RunResult;
  sink: MemorySink;
}

/** The run a new user gets from New backtest -> Launch without touching the form. */
async function runFormDefaults(): Promise<DefaultRun> {
  const sink = new MemorySink();
  const { result } = await runSpec(parseSpec(defaultSpec(), 'backtest form', process.cwd()), { memorySink: sink });
  return { result, sink };
}

describe("the form's default run (synthetic market, sma-cross)", () => {
  it('trades like a strategy: no order resizes a held position by dust, and commissions are a small share of what it trades', async () => {
    const { result, sink } = await runFormDefaults();
    expect(result.status).toBe('completed');
    const equityOn = new Map(sink.equityPoints.map((p) => [p.ts, p.equity]));
    const filled = sink.orders.filter((o) => o.filledQuantity > 0);
    const actionOf = (o: (typeof filled)[number]): string => String(o.metadata?.action);
    // Crosses open and close positions: a strategy that never trades would pass the dust check trivially.
    expect(filled.filter((o) => actionOf(o) === 'OPEN_LONG').length).toBeGreaterThan(100);

    const dust = filled
      .filter((o) => actionOf(o) === 'INCREASE' || actionOf(o) === 'REDUCE')
      .map((o) => {
        const session = Math.floor(o.updatedAt / DAY_MS) * DAY_MS;
        const equity = equityOn.get(session);
        if (equity === undefined) throw new Error(`no equity point on the session of order ${o.id}`);
        return { date: new Date(session).toISOString().slice(0, 10), instrument: o.instrument, action: actionOf(o), share: (o.filledQuantity * o.avgFillPrice) / equity };
      })
      .filter((r) => r.share < DUST_SHARE);
    expect(dust.slice(0, 5), `${dust.length} resizes under ${DUST_SHARE * 100} % of equity`).toEqual([]);

    // Nudges of a share or two pay the $1 minimum commission on one or two shares' worth (they made commissions
    // 0.4 % of all traded value); opens and closes of ~$500 pay the minimum too, about 0.2 %.
    const traded = filled.reduce((sum, o) => sum + o.filledQuantity * o.avgFillPrice, 0);
    const commissions = filled.reduce((sum, o) => sum + o.commission, 0);
    expect(commissions / traded).toBeLessThan(0.003);
  });
});
