import { streaming } from '@alpacahq/alpaca-trade-api';
import type { AlpacaTarget } from './alpacaTarget';

/** The stock stream URL: the target's root plus the feed path, unless the target already names one. */
export function stockStreamUrl(root: string, feed = 'iex'): string {
  const base = root.replace(/\/+$/, '');
  return /\/v2\/[a-z_]+$/.test(base) ? base : `${base}/v2/${feed}`;
}

/**
 * The one market-data WebSocket of a connection (Alpaca allows a single one per account), shared by
 * quotes and bars: opened on first use, then kept up (and its subscriptions renewed) by the SDK.
 * Each user binds its handlers once; they are attached when the stream opens.
 */
export class AlpacaDataStream {
  private stream: streaming.StockDataStream | null = null;
  private readonly binders: ((s: streaming.StockDataStream) => void)[] = [];
  private closed = false;

  constructor(
    private readonly target: AlpacaTarget,
    private readonly log: (level: 'info' | 'warning' | 'error', text: string) => void,
    private readonly redact: (t: string) => string,
  ) {}

  /** Registers handlers (onQuote, onBar, ...) on the stream, now if it is open, else when it opens. */
  bind(binder: (s: streaming.StockDataStream) => void): void {
    this.binders.push(binder);
    if (this.stream) binder(this.stream);
  }

  /** The stream, opened now if it is not yet; null once closed. */
  open(): streaming.StockDataStream | null {
    if (this.stream || this.closed) return this.stream;
    const s = new streaming.StockDataStream({
      url: stockStreamUrl(this.target.dataStreamUrl),
      credentials: { keyId: this.target.keyId, secret: this.target.secretKey },
      maxReconnectAttempts: streaming.UNLIMITED_RECONNECT_ATTEMPTS,
    });
    s.onError((msg) => this.log('warning', `market data stream: ${this.redact(String(msg))}`));
    for (const b of this.binders) b(s);
    s.connect();
    this.stream = s;
    return s;
  }

  /** The stream if it is open (never opens it). */
  current(): streaming.StockDataStream | null {
    return this.stream;
  }

  close(): void {
    this.closed = true;
    this.stream?.disconnect();
    this.stream = null;
  }
}
