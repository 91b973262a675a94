/** Tickers as brokers and data vendors write them: BRK.B, ^SPX, EUR/USD, ES=F, 7203:JP. */
const SYMBOL = /^[A-Z0-9^][A-Z0-9._^/=:-]{0,31}$/;

/** The store's form of a symbol: trimmed and upper-cased; a RangeError says what is wrong with a bad one. */
export function normalizeSymbol(text: string): string {
  const symbol = text.trim().toUpperCase();
  if (!SYMBOL.test(symbol)) {
    throw new RangeError(
      `symbol "${text}" is not valid: use up to 32 letters, digits and . _ ^ / = : - (starting with a letter, digit or ^)`,
    );
  }
  return symbol;
}
