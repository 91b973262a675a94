import { describe, expect, it } from 'vitest';
import type { LogEntryDto } from '../../../core/ipc/contract/trading';
import { visibleLog } from './messageLog';

const log: LogEntryDto[] = [
  { ts: 1, level: 'info', code: 2104, message: 'Market data farm connection is OK:usfarm' },
  { ts: 2, level: 'error', code: 326, message: 'Unable to connect as the client id is already in use' },
  { ts: 3, level: 'warning', code: 1100, message: 'Connectivity between IB and TWS has been lost' },
  { ts: 4, level: 'info', code: null, message: 'connected to 127.0.0.1:7497' },
];

describe('message log', () => {
  it('lists newest first', () => {
    expect(visibleLog(log, '', '').map((e) => e.ts)).toEqual([4, 3, 2, 1]);
  });

  it('filters by text or code, ignoring case', () => {
    expect(visibleLog(log, 'CLIENT ID', '').map((e) => e.code)).toEqual([326]);
    expect(visibleLog(log, '110', '').map((e) => e.code)).toEqual([1100]);
    expect(visibleLog(log, 'nothing like it', '')).toEqual([]);
  });

  it('filters by level, keeping the more serious ones', () => {
    expect(visibleLog(log, '', 'warning').map((e) => e.code)).toEqual([1100, 326]);
    expect(visibleLog(log, '', 'error').map((e) => e.code)).toEqual([326]);
  });
});
