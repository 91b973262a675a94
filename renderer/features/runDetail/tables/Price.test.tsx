// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { FillRowDto, OrderRowDto } from '../../../../core/ipc/contract/backtests';
import { fillColumns } from './fillColumns';
import { orderColumns } from './orderColumns';
import { PriceDecimalsContext } from './Price';

const fill: FillRowDto = {
  orderId: 'o-1', instrument: 'EURUSD', side: 'BUY', quantity: 1000, price: 1.08235, commission: 2, ts: Date.UTC(2020, 0, 2),
  slippage: 0.00005, referencePrice: 1.0823,
} as FillRowDto;

function cellText(decimals: Record<string, number>, node: React.ReactNode): string {
  const { container } = render(<PriceDecimalsContext.Provider value={decimals}>{node}</PriceDecimalsContext.Provider>);
  return container.textContent ?? '';
}

const cellOf = <R,>(columns: readonly { id: string; cell: (r: R) => React.ReactNode }[], id: string, row: R): React.ReactNode =>
  columns.find((c) => c.id === id)?.cell(row);

afterEach(cleanup);

describe('prices at instrument precision', () => {
  it('prints a price to the decimals its instrument is quoted to in the run', () => {
    expect(cellText({ EURUSD: 5 }, cellOf(fillColumns, 'price', fill))).toBe('1.08235');
    cleanup();
    expect(cellText({ EURUSD: 5 }, cellOf(fillColumns, 'referencePrice', fill))).toBe('1.08230');
  });

  it('keeps cents for an instrument the run did not report', () => {
    expect(cellText({ OTHER: 5 }, cellOf(fillColumns, 'price', fill))).toBe('1.08');
  });

  it('prints an order’s limit and stop at that precision too', () => {
    const order = { instrument: 'EURUSD', limitPrice: 1.081, stopPrice: 1.0795 } as OrderRowDto;
    expect(cellText({ EURUSD: 4 }, cellOf(orderColumns, 'limitStop', order))).toBe('L 1.0810 S 1.0795');
  });
});
