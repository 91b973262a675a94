import { describe, expect, it } from 'vitest';
import { ConnectionTracker } from './connectionTracker';

function started(): ConnectionTracker {
  const t = new ConnectionTracker(() => 0);
  t.apply({ type: 'start', target: '127.0.0.1:7497 as client 1' });
  return t;
}

function ready(t: ConnectionTracker): void {
  t.apply({ type: 'socketOpen', serverVersion: 193 });
  t.apply({ type: 'nextValidId' });
  t.apply({ type: 'managedAccounts', accounts: ['DU1'], account: 'DU1' });
  t.apply({ type: 'syncing' });
  t.apply({ type: 'synced' });
}

describe('ConnectionTracker', () => {
  it('is ready only after nextValidId, managedAccounts and the reconciliation', () => {
    const t = started();
    expect(t.state).toBe('connecting');
    t.apply({ type: 'socketOpen', serverVersion: 193 });
    t.apply({ type: 'managedAccounts', accounts: ['DU1'], account: 'DU1' });
    expect(t.state).toBe('connecting');
    expect(t.handshakeDone).toBe(false);
    t.apply({ type: 'nextValidId' });
    expect(t.handshakeDone).toBe(true);
    expect(t.status.reason).toMatch(/reconciling/);
    t.apply({ type: 'synced' });
    expect(t.state).toBe('ready');
    expect(t.status.account).toBe('DU1');
  });

  it('goes degraded on 1100 and back to ready only once the restore was reconciled', () => {
    const t = started();
    ready(t);
    t.apply({ type: 'connectivityLost', code: 1100, text: 'Connectivity between IB and TWS has been lost.' });
    expect(t.state).toBe('degraded');
    expect(t.status.code).toBe(1100);
    t.apply({ type: 'connectivityRestored', code: 1102 });
    expect(t.state).toBe('degraded');
    t.apply({ type: 'syncing' });
    t.apply({ type: 'synced' });
    expect(t.state).toBe('ready');
  });

  it('reports a closed socket as reconnecting with its reason, and a later session as reconnecting until synced', () => {
    const t = started();
    ready(t);
    t.apply({ type: 'closed', reason: 'client id 1 is already in use (326)', code: 326, nextAttemptAt: 5 });
    expect(t.status).toMatchObject({ state: 'reconnecting', code: 326, nextAttemptAt: 5 });
    expect(t.status.reason).toMatch(/already in use/);
    t.apply({ type: 'socketOpen', serverVersion: 193 });
    expect(t.state).toBe('reconnecting');
    t.apply({ type: 'nextValidId' });
    t.apply({ type: 'managedAccounts', accounts: ['DU1'], account: 'DU1' });
    t.apply({ type: 'synced' });
    expect(t.state).toBe('ready');
  });

  it('keeps farm notices in the status without blocking trading', () => {
    const t = started();
    ready(t);
    t.apply({ type: 'farm', farm: 'usfuture', status: 'broken' });
    expect(t.state).toBe('ready');
    expect(t.status.farms).toEqual({ usfuture: 'broken' });
  });

  it('says whether an input changed anything, and is disconnected once stopped', () => {
    const t = started();
    ready(t);
    expect(t.apply({ type: 'synced' })).toBe(false);
    expect(t.apply({ type: 'stopped' })).toBe(true);
    expect(t.state).toBe('disconnected');
  });
});
