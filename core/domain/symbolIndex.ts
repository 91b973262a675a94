/** How many instrument numbers from the last answer on lookup tries before hashing. */
const WINDOW = 4;

/**
 * Instrument numbers by symbol. The engine asks in instrument order (a session's sizing, orders and
 * fills walk the symbols ascending, skipping some), often for the same symbol several times in a
 * row (a strategy reading one symbol's bars), so the last answer and a few steps past it find most
 * symbols with a pointer comparison instead of a hash lookup.
 */
export class SymbolIndex {
  private readonly bySymbol = new Map<string, number>();
  private last = -1;

  constructor(readonly symbols: readonly string[]) {
    symbols.forEach((symbol, i) => {
      if (!this.bySymbol.has(symbol)) this.bySymbol.set(symbol, i);
    });
  }

  /** The instrument number of `symbol`, or -1 when there is none. */
  lookup(symbol: string): number {
    const symbols = this.symbols;
    const end = Math.min(symbols.length, this.last + 1 + WINDOW);
    for (let i = Math.max(0, this.last); i < end; i++) if (symbols[i] === symbol) return (this.last = i);
    const i = this.bySymbol.get(symbol);
    if (i === undefined) return -1;
    return (this.last = i);
  }
}
