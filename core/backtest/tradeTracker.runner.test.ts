import { describe, expect, it } from 'vitest';
import { plannerSchema, simulatorSchema } from '../config/simulatorSchema';
import { dailySeries } from '../data/seriesFromBars';
import type { StrategyFn } from '../strategy/types';
import { MemorySink } from './memorySink';
import { runBacktest } from './runner';

/** Through the runner: excursions come from the run's own bars and the reason from the order that closed the trade. */
describe('trade analysis in a run', () => {
  it('close_at_end: the trade ends with reason END_OF_RUN and its excursions span every bar it was held', () => {
    const rows = [
      [100, 101, 99, 100, 1e6],
      [100, 102, 97, 101, 1e6],
      [101, 103, 100, 102, 1e6],
      [102, 108, 101, 103, 1e6],
      [103, 105, 102, 104.5, 1e6],
    ];
    const hold: StrategyFn = () => ({ kind: 'quantity', values: new Map([['AAA', 100]]) });
    const sink = new MemorySink();
    runBacktest({
      series: [dailySeries('AAA', rows)],
      strategy: hold,
      initialCash: 100_000,
      seed: 1,
      sim: simulatorSchema.parse({ slippage_bps: 0, spread_bps: 0, commission: { model: 'none' } }),
      planner: plannerSchema.parse({}),
      strict: true,
      sink,
      closeAtEnd: true,
    });
    const [trade] = sink.trades;
    // Bought at the second session's open (100); its low 97 and the fourth session's high 108.
    expect(trade).toMatchObject({ status: 'CLOSED', exitReason: 'END_OF_RUN', entryPrice: 100, mae: -300, mfe: 800, maePct: -3, mfePct: 8, barsHeld: 3 });
    expect(trade.cumulativePnl).toBeCloseTo(trade.pnl, 9);
  });

  it('a margin call: the liquidated trade carries reason MARGIN_CALL and its loss as its MAE', () => {
    const rows = [[100, 100, 100, 100], [100, 100, 100, 100], [150, 150, 150, 150], [160, 160, 160, 160], [170, 170, 170, 170]];
    let calls = 0;
    const shortOnce: StrategyFn = () => (++calls === 1 ? { kind: 'weight', values: new Map([['AAA', -2]]) } : null);
    const sink = new MemorySink();
    runBacktest({
      series: [dailySeries('AAA', rows.map((r) => [...r, 1e9]))],
      strategy: shortOnce,
      initialCash: 10_000,
      seed: 1,
      sim: simulatorSchema.parse({ slippage_bps: 0, spread_bps: 0, commission: { model: 'none' }, account: { type: 'margin', max_leverage: 2 } }),
      planner: plannerSchema.parse({}),
      strict: true,
      sink,
    });
    expect(sink.trades.map((t) => [t.direction, t.exitReason, t.mae, t.mfe, t.pnl])).toEqual([['SHORT', 'MARGIN_CALL', -12_000, 0, -12_000]]);
  });
});
