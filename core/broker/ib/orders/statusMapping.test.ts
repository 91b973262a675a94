import { describe, expect, it } from 'vitest';
import { isIbAcknowledgement, statusTarget } from './statusMapping';

describe('statusTarget', () => {
  it('keeps pending states and Filled as no change', () => {
    for (const s of ['ApiPending', 'PendingSubmit', 'PendingCancel', 'Filled', 'Unknown']) expect(statusTarget(s, '', null)).toBeNull();
  });

  it('maps the statuses of an order TWS works to ACCEPTED (SUBMITTED is only ours: sent, not yet acknowledged)', () => {
    expect(statusTarget('PreSubmitted', '', null)?.status).toBe('ACCEPTED');
    expect(statusTarget('Submitted', '', null)?.status).toBe('ACCEPTED');
  });

  it('maps cancels to CANCELLED unless a refusal code came first', () => {
    expect(statusTarget('Cancelled', '', null)?.status).toBe('CANCELLED');
    expect(statusTarget('ApiCancelled', '', null)?.status).toBe('CANCELLED');
    expect(statusTarget('Cancelled', '', 'Order rejected (201)')).toEqual({ status: 'REJECTED', reason: 'Order rejected (201)' });
  });

  it('maps Inactive to REJECTED except a locate hold', () => {
    expect(statusTarget('Inactive', '', null)?.status).toBe('REJECTED');
    expect(statusTarget('Inactive', '', 'no margin (201)')?.reason).toBe('no margin (201)');
    expect(statusTarget('Inactive', 'locate', null)?.status).toBe('ACCEPTED');
  });

  it('treats any real IB status as an acknowledgement', () => {
    expect(isIbAcknowledgement('PendingSubmit')).toBe(true);
    expect(isIbAcknowledgement('Unknown')).toBe(false);
  });
});
