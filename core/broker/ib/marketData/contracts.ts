import type { RequestIds } from '../orders/idAllocator';
import type { SessionScope } from '../connection/sessionScope';
import { stockLookup, type IbInstrument } from '../parsing/ibOrders';

/** Error codes that are warnings, not answers, even when they name a request id. */
export function isWarningCode(code: number): boolean {
  return (code >= 2100 && code <= 2999) || code === 10167 || code === 399;
}

/**
 * Instruments as IB knows them: a symbol is looked up once (reqContractDetails: US stock, SMART) and
 * its conId kept, so orders name the exact contract. Orders need a looked-up symbol: an unknown one is
 * refused at once instead of being rejected by TWS later.
 */
export class ContractRegistry {
  private readonly cache = new Map<string, IbInstrument>();
  private readonly inflight = new Map<string, Promise<IbInstrument>>();

  constructor(
    private readonly scope: () => SessionScope | null,
    private readonly reqIds: RequestIds,
    private readonly timeoutMs: number,
  ) {}

  known(symbol: string): IbInstrument | undefined {
    return this.cache.get(symbol);
  }

  qualify(symbol: string): Promise<IbInstrument> {
    const hit = this.cache.get(symbol);
    if (hit) return Promise.resolve(hit);
    let p = this.inflight.get(symbol);
    if (!p) {
      p = this.lookUp(symbol).finally(() => this.inflight.delete(symbol));
      this.inflight.set(symbol, p);
    }
    return p;
  }

  private async lookUp(symbol: string): Promise<IbInstrument> {
    const scope = this.scope();
    if (!scope) throw new Error(`cannot look up ${symbol}: not connected to TWS`);
    const reqId = this.reqIds.take();
    const rows = await scope.collect({
      what: `looking up ${symbol}`,
      send: (api) => api.reqContractDetails(reqId, stockLookup(symbol)),
      row: 'contractDetails',
      rowMatch: (d) => d.reqId === reqId,
      end: 'contractDetailsEnd',
      endMatch: (id) => id === reqId,
      failOn: (n) => n.id === reqId && !isWarningCode(n.code),
      timeoutMs: this.timeoutMs,
    });
    if (rows.length === 0) throw new Error(`IB knows no US stock ${symbol}`);
    if (rows.length > 1) throw new Error(`${symbol} is ambiguous at IB (${rows.length} contracts)`);
    const c = rows[0].details.contract;
    const inst: IbInstrument = { symbol, conId: c.conId, currency: c.currency ?? 'USD', primaryExchange: c.primaryExch ?? '' };
    this.cache.set(symbol, inst);
    return inst;
  }
}
