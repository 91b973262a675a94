import { describe, expect, it } from 'vitest';
import { codeMeaning, logLevelOf } from './messageCodes';

describe('codeMeaning', () => {
  it('maps the connectivity notices', () => {
    expect(codeMeaning(1100, 'Connectivity between IB and Trader Workstation has been lost.')).toEqual({ kind: 'connectivityLost' });
    expect(codeMeaning(2110, 'Connectivity between Trader Workstation and server is broken.')).toEqual({ kind: 'connectivityLost' });
    expect(codeMeaning(1101, '')).toEqual({ kind: 'connectivityRestored', dataLost: true });
    expect(codeMeaning(1102, '')).toEqual({ kind: 'connectivityRestored', dataLost: false });
    expect(codeMeaning(1300, '')).toEqual({ kind: 'socketReset' });
    expect(codeMeaning(326, 'Unable to connect as the client id is already in use.')).toEqual({ kind: 'clientIdInUse' });
  });

  it('names farms from the text after the colon, or by kind when there is none', () => {
    expect(codeMeaning(2104, 'Market data farm connection is OK:usfarm')).toEqual({ kind: 'farm', farm: 'usfarm', status: 'ok' });
    expect(codeMeaning(2103, 'Market data farm connection is broken:usfuture')).toEqual({ kind: 'farm', farm: 'usfuture', status: 'broken' });
    expect(codeMeaning(2107, 'HMDS data farm connection is inactive')).toEqual({ kind: 'farm', farm: 'HMDS', status: 'inactive' });
    expect(codeMeaning(2157, 'Sec-def data farm connection is broken:secdefnj')).toEqual({ kind: 'farm', farm: 'secdefnj', status: 'broken' });
  });

  it('tells order rejections, cancels and refusals apart by code alone', () => {
    for (const c of [103, 110, 200, 201, 203, 321]) expect(codeMeaning(c, 'x').kind).toBe('orderRejected');
    expect(codeMeaning(202, 'Order Canceled - reason:').kind).toBe('orderCancelled');
    for (const c of [135, 161, 10147, 10148]) expect(codeMeaning(c, 'x').kind).toBe('cancelRefused');
    for (const c of [104, 105, 2102]) expect(codeMeaning(c, 'x').kind).toBe('modifyRefused');
  });

  it('classes market data, history and client-side codes', () => {
    for (const c of [354, 10089, 10186, 10197]) expect(codeMeaning(c, '').kind).toBe('marketDataNotPermitted');
    expect(codeMeaning(10167, '').kind).toBe('delayedDataNotice');
    for (const c of [162, 165, 366]) expect(codeMeaning(c, '').kind).toBe('historicalDataError');
    expect(codeMeaning(502, 'connect ECONNREFUSED').kind).toBe('connectFailed');
    expect(codeMeaning(505, 'Underrun error').kind).toBe('clientSideError');
    expect(codeMeaning(399, 'Order message').kind).toBe('warning');
    expect(codeMeaning(2137, 'x').kind).toBe('warning');
    expect(codeMeaning(9999, 'x').kind).toBe('other');
  });

  it('logs broken farms and lost connectivity as warnings, unknown codes as errors', () => {
    expect(logLevelOf(codeMeaning(2103, 'x:usfarm'))).toBe('warning');
    expect(logLevelOf(codeMeaning(2104, 'x:usfarm'))).toBe('info');
    expect(logLevelOf(codeMeaning(1100, ''))).toBe('warning');
    expect(logLevelOf(codeMeaning(201, ''))).toBe('error');
  });
});
