import type { streaming } from '@alpacahq/alpaca-trade-api';
import { z } from 'zod';
import type { BrokerBar, BrokerBarsError } from '../../service/trading/tradingBroker';
import { BarFanOut, type BarListener } from '../barFanOut';
import type { AlpacaDataStream } from './alpacaDataStream';

/** Alpaca's real-time `bars` channel streams minute bars. */
export const ALPACA_BAR_SECONDS = 60;

/** A stream bar as the SDK maps it (`b` frame), checked: a real start time, positive prices that make a bar, volume not negative. */
const barSchema = z
  .object({
    symbol: z.string().min(1),
    timestamp: z.date().refine((d) => Number.isFinite(d.getTime()), 'not a valid time'),
    open: z.number().finite().positive(),
    high: z.number().finite().positive(),
    low: z.number().finite().positive(),
    close: z.number().finite().positive(),
    volume: z.number().finite().nonnegative(),
  })
  .refine((b) => b.high >= b.low, { message: 'high is below low', path: ['high'] })
  .refine((b) => b.open >= b.low && b.open <= b.high, { message: 'open is outside low..high', path: ['open'] })
  .refine((b) => b.close >= b.low && b.close <= b.high, { message: 'close is outside low..high', path: ['close'] });

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * Completed minute bars from the market-data stream's `bars` channel (the connection's one stream,
 * shared with quotes). Subscriptions belong to the broker, not to a connection: made before connect()
 * they start with it, and every connect() subscribes them again on its new stream (the SDK itself
 * renews them when the stream reconnects). Each symbol is looked up at Alpaca when subscribed: one it
 * does not know is logged and told to the listeners' onError (and asked for again on the next
 * connect). Malformed bars are logged and dropped, as are bars not after the last one handed on.
 */
export class AlpacaBars {
  /** Each subscribed symbol's listeners, and the time of the last bar handed on to them. */
  private readonly lines = new Map<string, BarFanOut<BrokerBarsError>>();
  private data: AlpacaDataStream | null = null;
  private known: ((symbol: string) => Promise<boolean>) | null = null;

  constructor(private readonly log: (level: 'info' | 'warning' | 'error', text: string) => void) {}

  /** A new connection's stream; `known` says whether Alpaca knows a symbol (rejects when it cannot tell). */
  attach(data: AlpacaDataStream, known: (symbol: string) => Promise<boolean>): void {
    this.data = data;
    this.known = known;
    data.bind((s) => s.onBar((b) => {
      if (this.data === data) this.onBar(b);
    }));
    for (const symbol of this.lines.keys()) this.start(symbol);
  }

  /** The connection ended (its owner closes the stream); subscriptions stay for the next one. */
  detach(): void {
    this.data = null;
    this.known = null;
  }

  subscribe(symbol: string, bar: (bar: BrokerBar) => void, error?: (error: BrokerBarsError) => void): () => void {
    const listener: BarListener<BrokerBarsError> = { bar, error };
    let line = this.lines.get(symbol);
    if (!line) {
      line = new BarFanOut(symbol, 'minute bar', this.log);
      this.lines.set(symbol, line);
      this.start(symbol);
    }
    line.add(listener);
    const l = line;
    return () => {
      if (!l.remove(listener) || this.lines.get(symbol) !== l) return;
      this.lines.delete(symbol);
      this.data?.current()?.unsubscribeFromBars([symbol]);
    };
  }

  private start(symbol: string): void {
    const data = this.data;
    const known = this.known;
    if (!data || !known) return;
    data.open()?.subscribeForBars([symbol]);
    const line = this.lines.get(symbol);
    known(symbol).then(
      (yes) => {
        if (yes || this.data !== data || this.lines.get(symbol) !== line) return;
        data.current()?.unsubscribeFromBars([symbol]);
        this.fail(symbol, `Alpaca does not know the symbol ${symbol}`);
      },
      (err: unknown) => {
        if (this.data === data) this.log('warning', `could not look ${symbol} up for its minute bars (streaming them anyway): ${messageOf(err)}`);
      },
    );
  }

  private onBar(raw: streaming.StreamBar): void {
    const line = this.lines.get(raw.symbol);
    if (!line) return;
    const r = barSchema.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0];
      this.log('warning', `ignored a malformed minute bar of ${raw.symbol} (${issue.path.join('.') || '(bar)'}: ${issue.message})`);
      return;
    }
    const b = r.data;
    const bar: BrokerBar = { time: b.timestamp.getTime(), seconds: ALPACA_BAR_SECONDS, open: b.open, high: b.high, low: b.low, close: b.close, volume: b.volume };
    const dropped = line.deliver(bar);
    if (dropped !== null) this.log('warning', dropped);
  }

  private fail(symbol: string, text: string): void {
    this.log('error', `no minute bars for ${symbol}: ${text}; asked for again on the next connection`);
    this.lines.get(symbol)?.fail({ code: null, text });
  }
}
