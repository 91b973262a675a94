import type { QuoteDto } from '../../ipc/contract/trading';
import type { Clock } from '../../engine/risk/riskTypes';
import type { TradingBroker } from './tradingBroker';

/**
 * The symbols the screens watch and their latest quotes. Subscriptions outlive a connection: they
 * are made again on the next broker. Quotes do not: a price from a dropped session must never
 * feed a risk check.
 */
export class QuoteBook {
  private readonly symbols = new Set<string>();
  private readonly latest = new Map<string, QuoteDto>();
  private readonly stops = new Map<string, () => void>();
  private broker: TradingBroker | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly onQuote: (quote: QuoteDto) => void,
  ) {}

  attach(broker: TradingBroker): void {
    this.detach();
    this.broker = broker;
    for (const s of this.symbols) this.start(s);
  }

  detach(): void {
    for (const stop of this.stops.values()) stop();
    this.stops.clear();
    this.latest.clear();
    this.broker = null;
  }

  subscribe(symbol: string): QuoteDto | null {
    this.symbols.add(symbol);
    if (!this.stops.has(symbol)) this.start(symbol);
    return this.latest.get(symbol) ?? null;
  }

  unsubscribe(symbol: string): void {
    this.symbols.delete(symbol);
    this.stops.get(symbol)?.();
    this.stops.delete(symbol);
    this.latest.delete(symbol);
  }

  get(symbol: string): QuoteDto | undefined {
    return this.latest.get(symbol);
  }

  all(): QuoteDto[] {
    return [...this.latest.values()];
  }

  private start(symbol: string): void {
    if (!this.broker) return;
    const stop = this.broker.subscribeQuotes(symbol, ({ last, bid, ask, delayed }) => {
      if (!this.symbols.has(symbol)) return;
      const quote: QuoteDto = { symbol, last, bid, ask, delayed, ts: this.clock() };
      this.latest.set(symbol, quote);
      this.onQuote(quote);
    });
    this.stops.set(symbol, stop);
  }
}
