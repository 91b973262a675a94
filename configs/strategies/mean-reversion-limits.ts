/**
 * Mean reversion with resting limit entries (strategy API v2). For each symbol it does not hold, the
 * strategy rests a DAY limit buy `entry_sd` standard deviations below the mean of the last `lookback`
 * closes, renewed every session. When an entry fills, it sends the exits as an OCO pair: a limit sell
 * at the mean the entry was priced from, and a stop `stop_pct` below the fill price.
 */
import { defineStrategy, z } from 'tradedesk/strategy';

const cents = (v: number): number => Math.round(v * 100) / 100;

export default defineStrategy({
  params: z.object({
    lookback: z.number().int().min(2).default(20),
    entry_sd: z.number().positive().default(2),
    stop_pct: z.number().positive().lt(100).default(8),
    /** Fraction of equity each entry buys. */
    weight: z.number().positive().max(1).default(0.25),
  }),
  onBar(ctx) {
    const { lookback, entry_sd, weight } = ctx.params;
    for (const symbol of ctx.symbols) {
      if (ctx.position(symbol) !== 0) continue;
      const bars = ctx.view.bars(symbol);
      if (bars.count() < lookback) continue;
      let sum = 0;
      let sq = 0;
      for (let ago = 0; ago < lookback; ago++) {
        const c = bars.close(ago);
        sum += c;
        sq += c * c;
      }
      const mean = sum / lookback;
      const sd = Math.sqrt(Math.max(0, sq / lookback - mean * mean));
      const limit = cents(mean - entry_sd * sd);
      const quantity = Math.floor((ctx.account().equity * weight) / limit);
      if (!(limit > 0) || quantity < 1) continue;
      // The DAY entry of the last session has expired: one limit rests at a time, at today's level.
      ctx.orders.submit({ instrument: symbol, side: 'BUY', type: 'LIMIT', limitPrice: limit, quantity, timeInForce: 'DAY', metadata: { exitAt: cents(mean) } });
    }
  },
  onOrder(event, ctx) {
    if (event.type !== 'OrderFilled' || event.order.side !== 'BUY') return;
    const { order, fill } = event;
    const exitAt = order.metadata?.exitAt;
    if (typeof exitAt !== 'number') return;
    const quantity = order.filledQuantity;
    ctx.orders.submitList({
      kind: 'OCO',
      orders: [
        { instrument: order.instrument, side: 'SELL', type: 'LIMIT', limitPrice: Math.max(exitAt, cents(fill.price * 1.001)), quantity, timeInForce: 'GTC' },
        { instrument: order.instrument, side: 'SELL', type: 'STOP', stopPrice: cents(fill.price * (1 - ctx.params.stop_pct / 100)), quantity, timeInForce: 'GTC' },
      ],
    });
  },
});
