/** One holding as the risk report sees it. */
export interface Holding {
  symbol: string;
  /** Signed: negative is short. */
  quantity: number;
  price: number;
}

export interface SymbolExposure {
  symbol: string;
  quantity: number;
  marketValue: number;
  /** Market value over equity (signed). */
  weight: number;
}

export interface Exposures {
  gross: number;
  net: number;
  long: number;
  /** The short side's market value as a positive number. */
  short: number;
  /** The same four as fractions of equity. */
  grossPct: number;
  netPct: number;
  longPct: number;
  shortPct: number;
  /** Largest absolute market value first. */
  bySymbol: SymbolExposure[];
}

/** Gross, net, long and short exposure and each symbol's weight, against `equity` (must be positive). */
export function exposures(holdings: readonly Holding[], equity: number): Exposures {
  if (!(equity > 0)) throw new Error(`exposures: equity must be positive, got ${equity}`);
  let long = 0;
  let short = 0;
  const bySymbol: SymbolExposure[] = [];
  for (const h of holdings) {
    if (h.quantity === 0) continue;
    const marketValue = h.quantity * h.price;
    if (marketValue > 0) long += marketValue;
    else short -= marketValue;
    bySymbol.push({ symbol: h.symbol, quantity: h.quantity, marketValue, weight: marketValue / equity });
  }
  bySymbol.sort((a, b) => Math.abs(b.marketValue) - Math.abs(a.marketValue) || a.symbol.localeCompare(b.symbol));
  const gross = long + short;
  const net = long - short;
  return { gross, net, long, short, grossPct: gross / equity, netPct: net / equity, longPct: long / equity, shortPct: short / equity, bySymbol };
}

export interface Concentration {
  /** Σ sᵢ² with sᵢ = |market valueᵢ| / gross: 1 for one position, 1/n for n equal ones; 0 when flat. */
  herfindahl: number;
  /** 1 / Herfindahl: how many equal positions would be as concentrated; 0 when flat. */
  effectivePositions: number;
  /** The `top` largest positions' share of gross exposure. */
  topShare: number;
  top: SymbolExposure[];
}

/** Concentration of the book by absolute market value. */
export function concentration(e: Exposures, top = 5): Concentration {
  if (e.gross === 0) return { herfindahl: 0, effectivePositions: 0, topShare: 0, top: [] };
  let hhi = 0;
  for (const s of e.bySymbol) hhi += (Math.abs(s.marketValue) / e.gross) ** 2;
  const largest = e.bySymbol.slice(0, top);
  const topShare = largest.reduce((acc, s) => acc + Math.abs(s.marketValue), 0) / e.gross;
  return { herfindahl: hhi, effectivePositions: 1 / hhi, topShare, top: largest };
}
