import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { BrokerEvent } from '../../events';
import { simulatorSchema } from '../../../config/simulatorSchema';
import type { BarSeries } from '../../../data/BarSeries';
import { dailySeries } from '../../../data/seriesFromBars';
import { startFakeTws, type FakeTws, type FakeTwsOptions, type FakeTwsState } from '../../../fakeTws/index';
import { eventually } from '../../../testing/eventually';
import { openDatabase } from '../../../store/db';
import { tempDir } from '../../../store/testDb';
import { IbBroker, type IbBrokerOptions } from '../IbBroker';
import type { IbLogEntry } from '../types';

export { eventually };

/** A test IB adapter on a real socket to a fake TWS, with its own SQLite file. */
export interface IbRig {
  tws: FakeTws;
  broker: IbBroker;
  db: Database.Database;
  dbFile: string;
  clientId: number;
  log: IbLogEntry[];
  /** Another adapter on the same database (a restart of the app). */
  reopen(): IbBroker;
  close(): Promise<void>;
}

/** Daily bars in whole dollars, so every fill and cash figure is exact in cents. */
function flat(symbol: string, bars: number, price: number, dip?: { at: number; low: number }): BarSeries {
  return dailySeries(
    symbol,
    Array.from({ length: bars }, (_, i) => (dip && i === dip.at ? [price, price, dip.low, price] : [price, price + 1, price - 1, price])),
    '2020-01-01',
  );
}

/** AAA at 100 (dipping to 90 on bar 8), BBB at 50. The market starts at bar 5. */
export const RIG_SYMBOLS = ['AAA', 'BBB'] as const;
export const DIP_BAR = 8;
export const START_BAR = 5;

/** Fills at the bar's price with no spread, slippage or lottery, and commissions in whole cents. */
export const EXACT_SIM = simulatorSchema.parse({
  slippage_bps: 0,
  spread_bps: 0,
  limit_fill_prob: 1,
  use_volume_constraints: false,
  commission: { model: 'ibkr_fixed', regulatory_fees: false },
});

function rigMarket(): FakeTwsOptions {
  return { port: 0, series: [flat('AAA', 60, 100, { at: DIP_BAR, low: 90 }), flat('BBB', 60, 50)], startBar: START_BAR, sim: EXACT_SIM };
}

/**
 * Replaces the rig's fake with a new one on the same port and the same market but an empty account
 * (no positions, orders or executions): an account emptied while the app was away.
 */
export async function restartEmpty(rig: IbRig): Promise<void> {
  const port = rig.tws.port;
  await rig.tws.close();
  rig.tws = await startFakeTws({ ...rigMarket(), port });
}

export interface RigOptions {
  clientId?: number;
  fake?: Partial<FakeTwsOptions>;
  broker?: Partial<IbBrokerOptions>;
  /** Connect and look the symbols up (default true). */
  connect?: boolean;
}

export const TEST_TIMINGS: Partial<IbBrokerOptions> = {
  backoff: { initialMs: 20, maxMs: 200, factor: 2, jitter: 0 },
  heartbeatMs: 2_000,
  requestTimeoutMs: 3_000,
  maxReqPerSec: 1_000,
  history: { pacingBackoffMs: 20, maxPacingRetries: 3, timeoutMs: 3_000 },
};

export async function startRig(opts: RigOptions = {}): Promise<IbRig> {
  const { dir, cleanup } = tempDir();
  const dbFile = join(dir, 'ib.db');
  const db = openDatabase(dbFile);
  const tws = await startFakeTws({ ...rigMarket(), ...opts.fake });
  const clientId = opts.clientId ?? 7;
  const log: IbLogEntry[] = [];
  const brokers: IbBroker[] = [];
  const make = (): IbBroker => {
    const b = new IbBroker({ mode: 'PAPER', db, ...TEST_TIMINGS, ...opts.broker });
    b.onLog((e) => log.push(e));
    brokers.push(b);
    return b;
  };
  const broker = make();
  if (opts.connect ?? true) {
    await broker.connect({ host: '127.0.0.1', port: tws.port, clientId });
    for (const s of RIG_SYMBOLS) await broker.qualifyInstrument(s);
  }
  return {
    tws,
    broker,
    db,
    dbFile,
    clientId,
    log,
    reopen: make,
    async close() {
      for (const b of brokers) b.disconnect();
      await tws.close();
      db.close();
      cleanup();
    },
  };
}

interface StoredOrder {
  client_order_ref: string;
  limit_price: number | null;
  stop_price: number | null;
  status: string;
  filled_quantity: number;
  quantity: number;
  unknown: number;
  ib_order_id: number | null;
  acknowledged: number;
  cancel_requested: number;
}

interface StoredFill {
  id: string;
  quantity: number;
  price: number;
  commission: number;
  known: number;
}

function expectedStatus(o: FakeTwsState['orders'][number]): string {
  switch (o.status) {
    case 'Filled':
      return 'FILLED';
    case 'Cancelled':
      return 'CANCELLED';
    case 'Inactive':
      return o.filled > 0 ? 'CANCELLED' : 'REJECTED';
    default:
      // An attached order TWS holds for its parent's fill is not accepted yet.
      if (o.held) return 'SUBMITTED';
      return o.filled > 0 ? 'PARTIALLY_FILLED' : 'ACCEPTED';
  }
}

const differs = (a: number | null, b: number): boolean => a === null || Math.abs(a - b) > 1e-9;

/** A working order's prices, where the fake and the store both have them: its limit, and its stop (a trailing one's as the fake moved it). */
function priceDifferences(o: FakeTwsState['orders'][number], s: StoredOrder): string[] {
  const out: string[] = [];
  const trailing = o.orderType === 'TRAIL' || o.orderType === 'TRAIL LIMIT';
  const stop = trailing ? o.trailStopPrice : o.auxPrice;
  if (stop !== null && differs(s.stop_price, stop)) out.push(`order ${o.orderRef}: store stop ${s.stop_price}, fake ${stop}`);
  if (!trailing && o.lmtPrice !== null && differs(s.limit_price, o.lmtPrice)) out.push(`order ${o.orderRef}: store limit ${s.limit_price}, fake ${o.lmtPrice}`);
  return out;
}

/**
 * Everything in which the store (read back from SQLite) and the adapter differ from the fake's
 * own state: a duplicate order at the fake, an order or fill missing or different, positions, cash.
 * Empty when they agree.
 */
export function differences(rig: IbRig, broker: IbBroker = rig.broker): string[] {
  const snap = rig.tws.snapshot();
  const out: string[] = [];
  const keys = new Set<string>();
  const refs = new Set<string>();
  for (const o of snap.orders) {
    const key = `${o.clientId}:${o.orderId}`;
    if (keys.has(key)) out.push(`duplicate order id ${key} at the fake`);
    if (refs.has(o.orderRef)) out.push(`duplicate order ref ${o.orderRef} at the fake`);
    keys.add(key);
    refs.add(o.orderRef);
  }
  const stored = new Map(
    (
      rig.db
        .prepare(`SELECT o.client_order_ref, o.limit_price, o.stop_price, o.status, o.filled_quantity, o.quantity, i.unknown, i.ib_order_id, i.acknowledged, i.cancel_requested
           FROM orders o JOIN ib_orders i USING (client_order_ref)`)
        .all() as StoredOrder[]
    ).map((r) => [r.client_order_ref, r]),
  );
  for (const o of snap.orders.filter((x) => x.clientId === rig.clientId)) {
    const s = stored.get(o.orderRef);
    const want = expectedStatus(o);
    if (!s) out.push(`order ${o.orderRef} (IB ${o.orderId}) is at the fake but not in the store`);
    else if (s.status !== want || Math.abs(s.filled_quantity - o.filled) > 1e-9 || Math.abs(s.quantity - o.totalQuantity) > 1e-9) {
      out.push(`order ${o.orderRef}: store ${s.status} ${s.filled_quantity}/${s.quantity}, fake ${want} ${o.filled}/${o.totalQuantity}`);
    }
    if (s && o.remaining > 0) out.push(...priceDifferences(o, s));
  }
  for (const s of stored.values()) {
    const open = !['FILLED', 'REJECTED', 'CANCELLED'].includes(s.status);
    // Commands still on their way: the fake has not answered them yet.
    if (open && s.ib_order_id !== null && s.unknown !== 1 && s.acknowledged !== 1) out.push(`order ${s.client_order_ref} is not acknowledged yet`);
    if (open && s.cancel_requested === 1) out.push(`order ${s.client_order_ref}: cancel not confirmed yet`);
    if (s.ib_order_id !== null && !refs.has(s.client_order_ref) && s.unknown !== 1 && !['REJECTED', 'CANCELLED'].includes(s.status)) {
      out.push(`order ${s.client_order_ref} (IB ${s.ib_order_id}) is in the store but not at the fake, and not marked unknown`);
    }
  }
  const fills = rig.db
    .prepare('SELECT f.id, f.quantity, f.price, f.commission, e.commission_known AS known FROM fills f JOIN ib_executions e ON e.fill_row = f.row')
    .all() as StoredFill[];
  if (fills.length !== snap.executions.length) out.push(`store has ${fills.length} fills, the fake ${snap.executions.length} executions`);
  const byId = new Map(fills.map((f) => [f.id, f]));
  for (const e of snap.executions) {
    const f = byId.get(e.execId);
    if (!f) out.push(`execution ${e.execId} is missing from the store`);
    else if (f.quantity !== e.shares || Math.abs(f.price - e.price) > 1e-9 || f.known !== 1 || Math.abs(f.commission - e.commission) > 1e-9) {
      out.push(`fill ${e.execId}: store ${f.quantity} @ ${f.price} fee ${f.commission} (known ${f.known}), fake ${e.shares} @ ${e.price} fee ${e.commission}`);
    }
  }
  for (const id of broker.pendingModifications()) out.push(`order ${id}: modification not confirmed yet`);
  const held = new Map(broker.getPositions().map((p) => [p.instrument, p.quantity]));
  for (const p of snap.positions) {
    if ((held.get(p.symbol) ?? 0) !== p.quantity) out.push(`position ${p.symbol}: adapter ${held.get(p.symbol) ?? 0}, fake ${p.quantity}`);
  }
  const cash = broker.getAccountState().cash;
  if (Math.abs(cash - Math.round(snap.cash * 100) / 100) > 0.005) out.push(`cash: adapter ${cash}, fake ${snap.cash}`);
  return out;
}

/** Waits until the adapter and its store agree with the fake. */
export async function settled(rig: IbRig, broker: IbBroker = rig.broker, timeoutMs = 5_000): Promise<void> {
  let last: string[] = [];
  try {
    await eventually(() => (last = differences(rig, broker)).length === 0, 'the store to match the fake', timeoutMs);
  } catch {
    throw new Error(`the store does not match the fake TWS:\n  ${last.join('\n  ')}`);
  }
}

/** Every broker event from now on. */
export function recordEvents(r: IbRig): BrokerEvent[] {
  const events: BrokerEvent[] = [];
  r.broker.subscribe((e) => events.push(e));
  return events;
}

/** Error 505 is the client library failing to decode a message: never expected. */
export function decodeErrors(rig: IbRig): IbLogEntry[] {
  return rig.log.filter((e) => e.code === 505);
}
