/**
 * Breakout with a bracket (strategy API v2). When a symbol that is not held closes above its highest
 * close of the `lookback` sessions before, the strategy sends one bracket: a buy stop `entry_pct` above
 * that close (DAY: the breakout must carry on the next session), a take-profit limit `target_pct` above
 * the entry and a stop-loss trailing `trail_pct` behind the best price since. The exits work only once
 * the entry fills, and one of them filling cancels the other. Load it from a spec as a strategy module.
 */
import { defineStrategy, z } from 'tradedesk/strategy';

const cents = (v: number): number => Math.round(v * 100) / 100;

export default defineStrategy({
  params: z.object({
    lookback: z.number().int().min(2).default(20),
    entry_pct: z.number().min(0).default(0.5),
    target_pct: z.number().positive().default(12),
    trail_pct: z.number().positive().lt(100).default(6),
    /** Fraction of equity each entry buys. */
    weight: z.number().positive().max(1).default(0.25),
  }),
  /** Brackets sent and exits filled, counted from the order events: the strategy's own record. */
  brackets: 0,
  exits: 0,
  onStart() {
    this.brackets = 0;
    this.exits = 0;
  },
  onBar(ctx) {
    const { lookback, entry_pct, target_pct, trail_pct, weight } = ctx.params;
    for (const symbol of ctx.symbols) {
      if (ctx.position(symbol) !== 0 || ctx.orders.open(symbol).length > 0) continue;
      const bars = ctx.view.bars(symbol);
      if (bars.count() <= lookback) continue;
      const close = bars.close(0);
      // A breakout: no close of the lookback reaches this one (most sessions stop at the first that does).
      let ago = 1;
      while (ago <= lookback && bars.close(ago) < close) ago++;
      if (ago <= lookback) continue;
      const entry = cents(close * (1 + entry_pct / 100));
      const quantity = Math.floor((ctx.account().equity * weight) / entry);
      if (quantity < 1) continue;
      const ack = ctx.orders.submitList({
        kind: 'BRACKET',
        entry: { instrument: symbol, side: 'BUY', type: 'STOP', stopPrice: entry, quantity, timeInForce: 'DAY' },
        takeProfit: { instrument: symbol, side: 'SELL', type: 'LIMIT', limitPrice: cents(entry * (1 + target_pct / 100)), quantity, timeInForce: 'GTC' },
        stopLoss: { instrument: symbol, side: 'SELL', type: 'TRAILING_STOP', trail: { percent: trail_pct }, quantity, timeInForce: 'GTC' },
      });
      if (ack.accepted) this.brackets++;
    }
  },
  onFill(fill, ctx) {
    if (fill.side === 'SELL' && ctx.position(fill.instrument) === 0) this.exits++;
  },
});
