/**
 * IBKR Pro US stock commissions and pass-through fees, from IBKR's published schedule
 * (interactivebrokers.com/en/pricing/commissions-stocks.php). LEAN caps Fixed at 0.5%; IBKR publishes 1%,
 * which we follow.
 * Update here when IBKR or the SEC changes a rate; nothing else hard-codes these numbers.
 */
export const IBKR_US_STOCK_FEES = {
  fixed: {
    perShare: 0.005,
    minimumPerOrder: 1.0,
    maximumPctOfValue: 0.01,
  },
  tiered: {
    /** Per-share rate by shares traded this calendar month; `upTo` is inclusive. */
    tiers: [
      { upTo: 300_000, rate: 0.0035 },
      { upTo: 3_000_000, rate: 0.002 },
      { upTo: 20_000_000, rate: 0.0015 },
      { upTo: 100_000_000, rate: 0.001 },
      { upTo: Number.POSITIVE_INFINITY, rate: 0.0005 },
    ],
    minimumPerOrder: 0.35,
    maximumPctOfValue: 0.01,
    /** NSCC/DTC clearing, per share. */
    clearingPerShare: 0.0002,
    /** NYSE pass-through, as a fraction of the IBKR commission. */
    nysePassThroughPctOfCommission: 0.000175,
    /** FINRA pass-through, as a fraction of the IBKR commission. */
    finraPassThroughPctOfCommission: 0.000565,
  },
  /** Transaction fees on sales only, passed through on both plans. */
  regulatory: {
    /** SEC Section 31 fee, as a fraction of the sale value. */
    secPctOfSaleValue: 0.0000278,
    /** FINRA Trading Activity Fee per share sold, capped per order. */
    finraTafPerShareSold: 0.000166,
    finraTafMaxPerOrder: 8.3,
  },
} as const;
