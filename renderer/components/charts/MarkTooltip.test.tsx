// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { tradeMarkers } from './lwSeries';
import { MarkTooltip } from './MarkTooltip';

afterEach(cleanup);

describe('MarkTooltip', () => {
  const marks = tradeMarkers([
    { id: 'T1', direction: 'LONG', quantity: 1200, entryTs: Date.UTC(2020, 0, 2), entryPrice: 10.5, exitTs: Date.UTC(2020, 0, 9), exitPrice: 9.25, pnl: -1500 },
  ]);

  it('names side, quantity and price of an entry, without a P&L', () => {
    render(<MarkTooltip marks={marks.slice(0, 1)} x={10} y={20} />);
    const tip = screen.getByTestId('mark-tooltip');
    expect(tip.textContent).toContain('2020-01-02');
    expect(tip.textContent).toContain('Buy entry');
    expect(tip.textContent).toContain('1,200 @ 10.50');
    expect(tip.textContent).not.toContain('P&L');
    expect(tip.style.left).toBe('24px');
  });

  it('shows the trade’s P&L with a minus sign on its exit', () => {
    render(<MarkTooltip marks={marks.slice(1)} x={0} y={0} />);
    const tip = screen.getByTestId('mark-tooltip');
    expect(tip.textContent).toContain('Sell exit');
    expect(tip.textContent).toContain('P&L −1,500.00');
    expect(tip.querySelector('.neg')).not.toBeNull();
  });

  it('prints the price to the instrument’s decimals when told them', () => {
    render(<MarkTooltip marks={marks.slice(0, 1)} x={0} y={0} priceDecimals={4} />);
    expect(screen.getByTestId('mark-tooltip').textContent).toContain('1,200 @ 10.5000');
  });

  it('draws nothing without marks', () => {
    const { container } = render(<MarkTooltip marks={[]} x={0} y={0} />);
    expect(container.innerHTML).toBe('');
  });
});
