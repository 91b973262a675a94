// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExecutionAnalyticsDto } from '../../../core/ipc/contract/execution';
import { executionAnalytics, type ExecOrder } from '../../../core/service/execution/executionAnalytics';
import { ExecutionAnalyticsView } from './ExecutionAnalyticsView';

const order = (over: Partial<ExecOrder>): ExecOrder => ({
  type: 'MARKET',
  side: 'BUY',
  quantity: 10,
  filledQuantity: 10,
  avgFillPrice: 100,
  status: 'FILLED',
  createdAt: 0,
  firstFillAt: 0,
  arrivalPrice: 100,
  referencePrice: 100,
  ...over,
});

/**
 * Five orders as the engine would analyse them: market buys filled 10 and 20 bps above their
 * arrival, a market sell 5 bps above it (an improvement), a limit filled at its arrival against a
 * reference 30 bps better, and a limit that never filled.
 */
const ANALYTICS: ExecutionAnalyticsDto = executionAnalytics([
  order({ avgFillPrice: 100.1, referencePrice: 100.1, firstFillAt: 2_000 }),
  order({ avgFillPrice: 100.2, referencePrice: 100.1, firstFillAt: 4_000 }),
  order({ side: 'SELL', avgFillPrice: 100.05, referencePrice: 100.05, firstFillAt: 90_000 }),
  order({ type: 'LIMIT', quantity: 200, avgFillPrice: 100, referencePrice: 99.7, firstFillAt: 3 * 3_600_000 }),
  order({ type: 'LIMIT', filledQuantity: 0, avgFillPrice: 0, status: 'CANCELLED', firstFillAt: null }),
]);

const EMPTY_STATS = { count: 0, meanBps: null, medianBps: null, p95Bps: null, histogram: [] };
const NONE: ExecutionAnalyticsDto = {
  orders: 0,
  filled: 0,
  fillRate: null,
  medianTimeToFillMs: null,
  vsArrival: EMPTY_STATS,
  vsReference: EMPTY_STATS,
  byType: [],
  bySize: [],
};

const value = (id: string) => screen.getByTestId(`exec-${id}-value`);
const bars = () => [...screen.getByTestId('exec-histogram').querySelectorAll('.recharts-bar-rectangle path')];

describe('ExecutionAnalyticsView', () => {
  afterEach(() => cleanup());

  it('shows the headline figures formatted: counts, fill rate, a readable wait and signed bps', () => {
    render(<ExecutionAnalyticsView analytics={ANALYTICS} />);
    expect(value('orders').textContent).toBe('5');
    expect(screen.getByTestId('exec-orders').textContent).toContain('4 filled');
    expect(value('fill-rate').textContent).toBe('80.0 %');
    // Waits of 2 s, 4 s, 90 s and 3 h: the median is between 4 s and 90 s.
    expect(value('time-to-fill').textContent).toBe('47 s');
    // vs arrival: +10, +20, −5 and 0 bps.
    expect(value('arrival-mean').textContent).toBe('+6.3 bps');
    expect(value('arrival-mean').className).toContain('neg');
    expect(value('arrival-median').textContent).toBe('+5.0 bps');
    expect(value('arrival-p95').textContent).toBe('+18.5 bps');
    expect(screen.getByTestId('exec-arrival').textContent).toContain('Slippage vs arrival · 4 fills');
    // vs reference: 0, +9.99, 0 and +30.09 bps.
    expect(value('reference-mean').textContent).toBe('+10.0 bps');
    expect(value('reference-median').textContent).toBe('+5.0 bps');
    expect(value('reference-p95').textContent).toBe('+27.1 bps');
    expect(screen.queryByTestId('exec-notes')).toBeNull();
    expect(screen.getByTestId('execution-view').textContent).not.toMatch(/NaN|undefined|null/);
  });

  it('lists the implementation shortfall by order type and by size bucket', () => {
    render(<ExecutionAnalyticsView analytics={ANALYTICS} />);
    const types = screen.getAllByTestId('exec-by-type-row');
    expect(types.map((r) => r.getAttribute('data-label'))).toEqual(['LIMIT', 'MARKET']);
    const cells = (row: HTMLElement) => ['orders', 'filled', 'shortfall'].map((c) => within(row).getByText((_, el) => el?.getAttribute('data-col') === c).textContent);
    // The unfilled limit counts as an order, not as a cost; the filled one cost nothing against its arrival.
    expect(cells(types[0])).toEqual(['2', '1', '0.0 bps']);
    // Value-weighted: (1,001·10 + 1,002·20 − 1,000.5·5) / (1,001 + 1,002 + 1,000.5) ≈ 8.34 bps.
    expect(cells(types[1])).toEqual(['3', '3', '+8.3 bps']);
    expect(types[1].querySelector('[data-col=shortfall]')?.className).toContain('neg');
    const sizes = screen.getAllByTestId('exec-by-size-row');
    expect(sizes.map((r) => r.getAttribute('data-label'))).toEqual(['$1k–$10k', '$10k–$100k']);
    expect(cells(sizes[1])).toEqual(['1', '1', '0.0 bps']);
  });

  it('draws a bar for each histogram bin that holds fills, and the toggle switches to the reference series', async () => {
    const user = userEvent.setup();
    render(<ExecutionAnalyticsView analytics={ANALYTICS} />);
    const chart = () => screen.getByTestId('exec-histogram');
    const filledBins = (h: ExecutionAnalyticsDto['vsArrival']['histogram']) => h.filter((b) => b.count > 0);
    expect(chart().getAttribute('data-series')).toBe('arrival');
    expect((screen.getByTestId('exec-series-arrival') as HTMLInputElement).checked).toBe(true);
    // Arrival: bins of 5 bps from −5 to 20, the 10–15 one empty.
    expect(ANALYTICS.vsArrival.histogram.map((b) => b.fromBps)).toEqual([-5, 0, 5, 10, 15]);
    expect(chart().getAttribute('data-bins')).toBe('5');
    expect(bars()).toHaveLength(filledBins(ANALYTICS.vsArrival.histogram).length);
    // The improving band (−5 to 0) is green, the one holding zero neutral, the costly ones red.
    expect(bars().map((b) => b.getAttribute('fill'))).toEqual(['#089981', '#787b86', '#f23645', '#f23645']);

    await user.click(screen.getByTestId('exec-series-reference'));
    expect(chart().getAttribute('data-series')).toBe('reference');
    expect((screen.getByTestId('exec-series-reference') as HTMLInputElement).checked).toBe(true);
    // Reference: 0 to 30 bps; two fills at 0, so the first bar is the tallest.
    expect(chart().getAttribute('data-bins')).toBe('6');
    expect(bars()).toHaveLength(filledBins(ANALYTICS.vsReference.histogram).length);
    const heights = bars().map((b) => Number(b.getAttribute('height')));
    expect(heights[0]).toBeCloseTo(2 * heights[1]);
    expect(heights[1]).toBeCloseTo(heights[2]);

    await user.click(screen.getByTestId('exec-series-arrival'));
    expect(chart().getAttribute('data-series')).toBe('arrival');
    expect(bars()).toHaveLength(4);
  });

  it('shows "—" and says why when there is nothing to measure', () => {
    render(<ExecutionAnalyticsView analytics={NONE} />);
    expect(value('orders').textContent).toBe('0');
    for (const id of ['fill-rate', 'time-to-fill', 'arrival-mean', 'arrival-median', 'arrival-p95', 'reference-mean', 'reference-median', 'reference-p95']) {
      expect(value(id).textContent, id).toBe('—');
    }
    expect(screen.getByTestId('exec-notes').textContent).toContain('No orders yet');
    expect(screen.getByTestId('exec-histogram-empty').textContent).toContain('No fill measured vs arrival');
    expect(screen.queryByTestId('exec-histogram')).toBeNull();
    expect(screen.getAllByText('No orders.')).toHaveLength(2);
    expect(screen.getByTestId('execution-view').textContent).not.toContain('NaN');
  });

  it('keeps what it can measure when part is missing: fills without a reference quote, an unfilled order', async () => {
    const partial = executionAnalytics([
      order({ avgFillPrice: 100.3, referencePrice: null }),
      order({ avgFillPrice: 100.1, referencePrice: null, arrivalPrice: null }),
      order({ filledQuantity: 0, avgFillPrice: 0, status: 'CANCELLED', firstFillAt: null, arrivalPrice: null }),
    ]);
    render(<ExecutionAnalyticsView analytics={partial} />);
    expect(value('fill-rate').textContent).toBe('66.7 %');
    expect(value('arrival-mean').textContent).toBe('+30.0 bps');
    expect(screen.getByTestId('exec-arrival').textContent).toContain('· 1 fill');
    expect(value('reference-mean').textContent).toBe('—');
    expect(screen.getByTestId('exec-reference').textContent).toContain('no fill measured');
    const notes = screen.getByTestId('exec-notes').textContent ?? '';
    expect(notes).toContain('1 filled order without an arrival price is left out');
    expect(notes).toContain('No filled order has a reference quote');
    // A size bucket it cannot price shows no shortfall, not NaN.
    const unknown = screen.getAllByTestId('exec-by-size-row').find((r) => r.getAttribute('data-label') === 'unknown');
    expect(unknown?.querySelector('[data-col=shortfall]')?.textContent).toBe('—');

    await userEvent.click(screen.getByTestId('exec-series-reference'));
    expect(screen.getByTestId('exec-histogram-empty').textContent).toContain('No fill measured vs reference');
  });

  it('says so when no order filled', () => {
    render(<ExecutionAnalyticsView analytics={executionAnalytics([order({ filledQuantity: 0, avgFillPrice: 0, status: 'CANCELLED', firstFillAt: null })])} />);
    expect(value('fill-rate').textContent).toBe('0.0 %');
    expect(value('time-to-fill').textContent).toBe('—');
    expect(screen.getByTestId('exec-notes').textContent).toBe('None of the 1 order has filled: there is no fill to measure slippage or time to fill on.');
    expect(screen.getAllByTestId('exec-by-type-row')[0].querySelector('[data-col=shortfall]')?.textContent).toBe('—');
  });
});
