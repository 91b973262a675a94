import { createContext, useContext } from 'react';
import { fmtNumber } from '../../../components/common/format';

/** Decimals per instrument in the run shown (from `backtests.priceDecimals`); empty until they arrive. */
export const PriceDecimalsContext = createContext<Readonly<Record<string, number>>>({});

/** Decimals for an instrument the run did not report: cents, as for a stock. */
export const DEFAULT_PRICE_DECIMALS = 2;

/** A price at its instrument's precision in this run: 72.26 for a stock, 1.08235 for a currency quoted to 0.00001. */
export function Price({ instrument, value }: { instrument: string; value: number | null | undefined }) {
  const decimals = useContext(PriceDecimalsContext)[instrument] ?? DEFAULT_PRICE_DECIMALS;
  return <>{fmtNumber(value, decimals)}</>;
}
