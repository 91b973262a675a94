import type { IBApi } from '@stoqey/ib';
import { describe, expect, it } from 'vitest';
import { EventHub, type IbEvents } from '../connection/eventHub';
import type { SessionScope } from '../connection/sessionScope';
import { RequestIds } from '../orders/idAllocator';
import type { RealTimeBar, RealTimeBarsError } from '../types';
import type { ContractRegistry } from './contracts';
import { RealTimeBars } from './realTimeBars';

/** A session stand-in: records the requests sent on it. */
function fakeScope(sent: string[]): SessionScope {
  const api = {
    reqRealTimeBars: (reqId: number, c: { symbol: string }, size: number, what: string, rth: boolean) => sent.push(`req ${reqId} ${c.symbol} ${size} ${what} ${rth}`),
    cancelRealTimeBars: (reqId: number) => sent.push(`cancel ${reqId}`),
  } as unknown as IBApi;
  return { request: (_what: string, fn: (a: IBApi) => void) => fn(api) } as unknown as SessionScope;
}

function setup() {
  const hub = new EventHub<IbEvents>(() => undefined);
  const sent: string[] = [];
  const log: string[] = [];
  let scope: SessionScope | null = fakeScope(sent);
  const contracts = { qualify: async (symbol: string) => ({ symbol, conId: 1, currency: 'USD', primaryExchange: 'NASDAQ' }) } as unknown as ContractRegistry;
  const bars = new RealTimeBars({ hub, scope: () => scope, contracts, reqIds: new RequestIds(), log: (level, text) => log.push(`${level}: ${text}`) });
  const settle = () => new Promise((r) => setImmediate(r));
  const bar = (reqId: number, time: number, over: Partial<IbEvents['realTimeBar']> = {}) =>
    hub.emit('realTimeBar', { reqId, time, open: 10, high: 11, low: 9, close: 10.5, volume: 300, ...over });
  return { hub, bars, sent, log, settle, bar, newSession: () => (scope = fakeScope(sent)) };
}

const ID = 1_000_000_000;

describe('RealTimeBars', () => {
  it('one request per symbol, bars in time order to every listener, a failing listener isolated', async () => {
    const t = setup();
    const a: RealTimeBar[] = [];
    const b: RealTimeBar[] = [];
    t.bars.subscribe('AAA', () => {
      throw new Error('boom');
    });
    t.bars.subscribe('AAA', (x) => a.push(x));
    t.bars.subscribe('AAA', (x) => b.push(x));
    await t.settle();
    expect(t.sent).toEqual([`req ${ID} AAA 5 TRADES false`]);
    t.bar(ID, 1_700_000_000);
    t.bar(ID, 1_700_000_000); // repeated
    t.bar(ID, 1_699_999_995); // older
    t.bar(ID + 7, 1_700_000_010); // not ours
    t.bar(ID, 1_700_000_005, { close: 11 });
    expect(a).toEqual([
      { time: 1_700_000_000_000, seconds: 5, open: 10, high: 11, low: 9, close: 10.5, volume: 300 },
      { time: 1_700_000_005_000, seconds: 5, open: 10, high: 11, low: 9, close: 11, volume: 300 },
    ]);
    expect(b).toEqual(a);
    expect(t.log.filter((l) => l.includes('failed: boom'))).toHaveLength(2);
    expect(t.log.filter((l) => l.startsWith('warning: dropped a real-time bar of AAA'))).toHaveLength(2);
  });

  it('renewAll on the same session cancels the request made on it; after 1101 it does not (TWS forgot it); a new session never does', async () => {
    const t = setup();
    t.bars.subscribe('AAA', () => undefined);
    await t.settle();
    t.bars.renewAll(); // e.g. subscribed during the reconciliation of this very session
    await t.settle();
    expect(t.sent).toEqual([`req ${ID} AAA 5 TRADES false`, `cancel ${ID}`, `req ${ID + 1} AAA 5 TRADES false`]);
    t.hub.emit('notice', { code: 1101, text: 'Connectivity between IB and TWS has been restored- data lost.', id: -1 });
    t.bars.renewAll();
    await t.settle();
    expect(t.sent.slice(3)).toEqual([`req ${ID + 2} AAA 5 TRADES false`]);
    t.newSession();
    t.bars.renewAll();
    await t.settle();
    expect(t.sent.slice(4)).toEqual([`req ${ID + 3} AAA 5 TRADES false`]);
  });

  it('an error for the request ends it: logged naming the symbol, told to onError, bars of the old id ignored, retried by renewAll; warnings are not errors', async () => {
    const t = setup();
    const bars: RealTimeBar[] = [];
    const errors: RealTimeBarsError[] = [];
    t.bars.subscribe('AAA', (x) => bars.push(x), (e) => errors.push(e));
    await t.settle();
    t.hub.emit('notice', { code: 2106, text: 'HMDS data farm connection is OK', id: ID });
    expect(errors).toEqual([]);
    t.hub.emit('notice', { code: 10089, text: 'Requested market data requires additional subscription for API.', id: ID });
    expect(errors).toEqual([{ code: 10089, text: 'Requested market data requires additional subscription for API.' }]);
    expect(t.log).toEqual(['error: no real-time bars for AAA (10089): Requested market data requires additional subscription for API.; asked for again on the next connection']);
    t.bar(ID, 1_700_000_000);
    expect(bars).toEqual([]);
    t.bars.renewAll();
    await t.settle();
    expect(t.sent).toEqual([`req ${ID} AAA 5 TRADES false`, `req ${ID + 1} AAA 5 TRADES false`]); // no cancel of the refused one
    t.bar(ID + 1, 1_700_000_000);
    expect(bars).toHaveLength(1);
  });

  it('cancels with the last listener, and not before', async () => {
    const t = setup();
    const off1 = t.bars.subscribe('AAA', () => undefined);
    const off2 = t.bars.subscribe('AAA', () => undefined);
    await t.settle();
    off1();
    expect(t.sent).toEqual([`req ${ID} AAA 5 TRADES false`]);
    off2();
    expect(t.sent).toEqual([`req ${ID} AAA 5 TRADES false`, `cancel ${ID}`]);
  });
});
