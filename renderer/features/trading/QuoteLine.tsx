import type { QuoteDto } from '../../../core/ipc/contract/trading';
import { fmtPrice } from './tradingFormat';

interface Props {
  symbol: string | null;
  quote: QuoteDto | undefined;
  /** Clicking a price puts it in the ticket's price field, when the order type has one. */
  onPick: ((price: number) => void) | null;
}

/** The ticket symbol's last, bid and ask, flagged when the broker sends delayed data. */
export function QuoteLine({ symbol, quote, onPick }: Props) {
  if (!symbol) return null;
  const cell = (label: string, v: number | null, testId: string) => (
    <span className="quote__cell">
      <span className="quote__label">{label}</span>
      {v !== null && onPick ? (
        <button type="button" className="link-btn quote__value num" data-testid={testId} title={`Use ${fmtPrice(v)} as the price`} onClick={() => onPick(v)}>
          {fmtPrice(v)}
        </button>
      ) : (
        <span className="quote__value num" data-testid={testId}>
          {fmtPrice(v)}
        </span>
      )}
    </span>
  );
  return (
    <div className="quote" data-testid="ticket-quote" data-symbol={symbol}>
      {quote ? (
        <>
          {cell('Last', quote.last, 'quote-last')}
          {cell('Bid', quote.bid, 'quote-bid')}
          {cell('Ask', quote.ask, 'quote-ask')}
          {quote.delayed && (
            <span className="badge badge--delayed" data-testid="quote-delayed" title="The account has no live data permission: prices are delayed">
              delayed
            </span>
          )}
        </>
      ) : (
        <span className="muted">No quote for {symbol} yet.</span>
      )}
    </div>
  );
}
