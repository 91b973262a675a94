import type { BrokerQuote } from '../../service/trading/tradingBroker';
import type { AlpacaDataStream } from './alpacaDataStream';
import type { AlpacaRest } from './alpacaRest';

type Listener = (q: BrokerQuote) => void;

interface Line {
  quote: BrokerQuote;
  listeners: Set<Listener>;
}

/**
 * Quotes for the trading screens: the latest quote and trade over REST at once, then bid/ask and
 * last from the SDK's stock data stream (the connection's one, shared with bars; the SDK reconnecting
 * and re-subscribing).
 */
export class AlpacaQuotes {
  private readonly lines = new Map<string, Line>();

  constructor(
    private readonly data: AlpacaDataStream,
    private readonly rest: () => AlpacaRest | null,
    private readonly log: (level: 'info' | 'warning' | 'error', text: string) => void,
    private readonly redact: (t: string) => string,
  ) {
    data.bind((s) => {
      s.onQuote((q) => this.publish(q.symbol ?? '', { bid: q.bidPrice, ask: q.askPrice }));
      s.onTrade((t) => this.publish(t.symbol ?? '', { last: t.price }));
    });
  }

  latest(symbol: string): BrokerQuote | null {
    return this.lines.get(symbol)?.quote ?? null;
  }

  subscribe(symbol: string, listener: Listener): () => void {
    let line = this.lines.get(symbol);
    if (!line) {
      line = { quote: { last: null, bid: null, ask: null, delayed: false }, listeners: new Set() };
      this.lines.set(symbol, line);
      const stream = this.data.open();
      stream?.subscribeForQuotes([symbol]);
      stream?.subscribeForTrades([symbol]);
      void this.snapshot(symbol);
    }
    line.listeners.add(listener);
    return () => {
      const l = this.lines.get(symbol);
      if (!l) return;
      l.listeners.delete(listener);
      if (l.listeners.size > 0) return;
      this.lines.delete(symbol);
      this.data.current()?.unsubscribeFromQuotes([symbol]);
      this.data.current()?.unsubscribeFromTrades([symbol]);
    };
  }

  /** Forgets every line (the stream is closed by its owner). */
  close(): void {
    this.lines.clear();
  }

  private async snapshot(symbol: string): Promise<void> {
    const rest = this.rest();
    if (!rest) return;
    try {
      const q = await rest.latestQuote(symbol);
      this.publish(symbol, { bid: q.bid, ask: q.ask, last: q.last });
    } catch (err) {
      this.log('warning', `no quote snapshot for ${symbol}: ${this.redact(err instanceof Error ? err.message : String(err))}`);
    }
  }

  private publish(symbol: string, change: Partial<BrokerQuote>): void {
    const line = this.lines.get(symbol);
    if (!line) return;
    const next = { ...line.quote };
    for (const [k, v] of Object.entries(change) as [keyof BrokerQuote, number | null | undefined][]) {
      // 0 means no active bid or ask on Alpaca's feed: keep what was known.
      if (k !== 'delayed' && v !== undefined && v !== null && v > 0) next[k] = v;
    }
    line.quote = next;
    for (const l of [...line.listeners]) {
      try {
        l({ ...next });
      } catch {
        // A listener's failure is its own; the others still get the quote.
      }
    }
  }
}
