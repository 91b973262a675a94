import { streaming } from '@alpacahq/alpaca-trade-api';
import type { BrokerQuote } from '../../service/trading/tradingBroker';
import type { AlpacaRest } from './alpacaRest';
import type { AlpacaTarget } from './alpacaTarget';

type Listener = (q: BrokerQuote) => void;

interface Line {
  quote: BrokerQuote;
  listeners: Set<Listener>;
}

/** The stock stream URL: the target's root plus the feed path, unless the target already names one. */
export function stockStreamUrl(root: string, feed = 'iex'): string {
  const base = root.replace(/\/+$/, '');
  return /\/v2\/[a-z_]+$/.test(base) ? base : `${base}/v2/${feed}`;
}

/**
 * Quotes for the trading screens: the latest quote and trade over REST at once, then bid/ask and
 * last from the SDK's stock data stream (one connection, the SDK reconnecting and re-subscribing).
 */
export class AlpacaQuotes {
  private stream: streaming.StockDataStream | null = null;
  private readonly lines = new Map<string, Line>();

  constructor(
    private readonly target: AlpacaTarget,
    private readonly rest: () => AlpacaRest | null,
    private readonly log: (level: 'info' | 'warning' | 'error', text: string) => void,
    private readonly redact: (t: string) => string,
  ) {}

  latest(symbol: string): BrokerQuote | null {
    return this.lines.get(symbol)?.quote ?? null;
  }

  subscribe(symbol: string, listener: Listener): () => void {
    let line = this.lines.get(symbol);
    if (!line) {
      line = { quote: { last: null, bid: null, ask: null, delayed: false }, listeners: new Set() };
      this.lines.set(symbol, line);
      this.open().subscribeForQuotes([symbol]);
      this.open().subscribeForTrades([symbol]);
      void this.snapshot(symbol);
    }
    line.listeners.add(listener);
    return () => {
      const l = this.lines.get(symbol);
      if (!l) return;
      l.listeners.delete(listener);
      if (l.listeners.size > 0) return;
      this.lines.delete(symbol);
      this.stream?.unsubscribeFromQuotes([symbol]);
      this.stream?.unsubscribeFromTrades([symbol]);
    };
  }

  close(): void {
    this.stream?.disconnect();
    this.stream = null;
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

  private open(): streaming.StockDataStream {
    if (this.stream) return this.stream;
    const s = new streaming.StockDataStream({
      url: stockStreamUrl(this.target.dataStreamUrl),
      credentials: { keyId: this.target.keyId, secret: this.target.secretKey },
      maxReconnectAttempts: streaming.UNLIMITED_RECONNECT_ATTEMPTS,
    });
    s.onQuote((q) => this.publish(q.symbol ?? '', { bid: q.bidPrice, ask: q.askPrice }));
    s.onTrade((t) => this.publish(t.symbol ?? '', { last: t.price }));
    s.onError((msg) => this.log('warning', `market data stream: ${this.redact(String(msg))}`));
    s.connect();
    this.stream = s;
    return s;
  }
}
