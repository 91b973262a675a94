// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KillSwitchCancelDto } from '../../../core/ipc/contract/trading';
import { KillSwitchOrders } from './KillSwitchOrders';

const base = { clientOrderRef: 'r', instrument: 'AAA', side: 'BUY' as const, quantity: 3, accepted: true, reason: null };

describe('KillSwitchOrders', () => {
  afterEach(() => cleanup());

  it('lists each order with what the broker said about its cancel', () => {
    const cancelled: KillSwitchCancelDto[] = [
      { ...base, orderId: 'a', outcome: 'confirmed', detail: 'Order Canceled - reason: (202)' },
      { ...base, orderId: 'b', outcome: 'never_sent', detail: 'withdrawn while queued: it never left the app, TWS never saw it' },
      { ...base, orderId: 'c', outcome: 'not_found', detail: 'OrderId 9 that needs to be cancelled is not found. (10147)' },
      { ...base, orderId: 'd', accepted: false, reason: 'order d is already FILLED', outcome: 'not_requested', detail: 'order d is already FILLED' },
    ];
    render(<KillSwitchOrders cancelled={cancelled} />);
    const rows = screen.getAllByTestId('kill-order');
    expect(rows.map((r) => r.getAttribute('data-outcome'))).toEqual(['confirmed', 'never_sent', 'not_found', 'not_requested']);
    expect(rows[1]?.textContent).toContain('never left the app');
    expect(rows[2]?.textContent).toContain('not known to the broker');
    expect(rows[2]?.textContent).toContain('10147');
    expect(screen.getByText('Per order (4)')).toBeTruthy();
  });
});
