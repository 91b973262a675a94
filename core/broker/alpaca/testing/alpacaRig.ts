import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { BrokerEvent } from '../../events';
import { simulatorSchema } from '../../../config/simulatorSchema';
import type { BarSeries } from '../../../data/BarSeries';
import { dailySeries } from '../../../data/seriesFromBars';
import { startFakeAlpaca, type FakeAlpaca, type FakeAlpacaOptions, type FakeAlpacaOrderState } from '../../../fakeAlpaca/index';
import { openDatabase } from '../../../store/db';
import { tempDir } from '../../../store/testDb';
import { eventually } from '../../../testing/eventually';
import type { BrokerLogEntry } from '../../../service/trading/tradingBroker';
import { AlpacaBroker, type AlpacaBrokerOptions } from '../AlpacaBroker';
import type { AlpacaTarget } from '../alpacaTarget';

export { eventually };

/** A test Alpaca adapter on real sockets to a fake Alpaca, with its own SQLite file. */
export interface AlpacaRig {
  fake: FakeAlpaca;
  broker: AlpacaBroker;
  db: Database.Database;
  log: BrokerLogEntry[];
  target(): AlpacaTarget;
  /** Another adapter on the same database (a restart of the app). */
  reopen(): AlpacaBroker;
  close(): Promise<void>;
}

/** Daily bars in whole dollars, so every fill and cash figure is exact in cents. */
function flat(symbol: string, bars: number, price: number): BarSeries {
  return dailySeries(
    symbol,
    Array.from({ length: bars }, () => [price, price + 1, price - 1, price]),
    '2020-01-01',
  );
}

export const RIG_SYMBOLS = ['AAA', 'BBB'] as const;

/** Fills at the bar's price with no spread, slippage, lottery or commission. */
export const EXACT_SIM = simulatorSchema.parse({
  slippage_bps: 0,
  spread_bps: 0,
  limit_fill_prob: 1,
  use_volume_constraints: false,
  commission: { model: 'none' },
});

export const TEST_TIMINGS: Partial<AlpacaBrokerOptions> = {
  backoff: { initialMs: 20, maxMs: 200, factor: 2, jitter: 0 },
  requestTimeoutMs: 5_000,
  readAttempts: 6,
  rateLimit: false,
};

export interface RigOptions {
  fake?: Partial<FakeAlpacaOptions>;
  broker?: Partial<AlpacaBrokerOptions>;
  /** Connect and look the symbols up (default true). */
  connect?: boolean;
}

export function rigMarket(): Partial<FakeAlpacaOptions> {
  return { series: [flat('AAA', 400, 100), flat('BBB', 400, 50)], startBar: 5, sim: EXACT_SIM };
}

export async function startAlpacaRig(opts: RigOptions = {}): Promise<AlpacaRig> {
  const { dir, cleanup } = tempDir();
  const db = openDatabase(join(dir, 'alpaca.db'));
  const fake = await startFakeAlpaca({ ...rigMarket(), ...opts.fake });
  const log: BrokerLogEntry[] = [];
  const brokers: AlpacaBroker[] = [];
  const make = (): AlpacaBroker => {
    const b = new AlpacaBroker({ mode: 'PAPER', db, ...TEST_TIMINGS, ...opts.broker });
    b.onLog((e) => log.push(e));
    brokers.push(b);
    return b;
  };
  const rig: AlpacaRig = {
    fake,
    broker: make(),
    db,
    log,
    target: () => ({
      tradingBaseUrl: rig.fake.tradingBaseUrl,
      dataBaseUrl: rig.fake.dataBaseUrl,
      tradingStreamUrl: rig.fake.tradingStreamUrl,
      dataStreamUrl: rig.fake.dataStreamUrl,
      keyId: rig.fake.keyId,
      secretKey: rig.fake.secretKey,
    }),
    reopen: make,
    async close() {
      for (const b of brokers) b.disconnect();
      await rig.fake.close();
      db.close();
      cleanup();
    },
  };
  if (opts.connect ?? true) {
    await rig.broker.connect(rig.target());
    for (const s of RIG_SYMBOLS) await rig.broker.qualifyInstrument(s);
  }
  return rig;
}

interface StoredOrder {
  client_order_ref: string;
  status: string;
  filled_quantity: number;
  quantity: number;
  unknown: number;
  fate_unknown: number;
  sent_at: number | null;
  left_at: number | null;
  alpaca_order_id: string | null;
  cancel_requested: number;
}

/** The status our store should show for an order in the fake's state. */
function expectedStatus(o: FakeAlpacaOrderState): string {
  switch (o.status) {
    case 'filled':
      return 'FILLED';
    case 'canceled':
    case 'expired':
      return 'CANCELLED';
    case 'rejected':
      return o.filledQty > 0 ? 'CANCELLED' : 'REJECTED';
    case 'partially_filled':
      return 'PARTIALLY_FILLED';
    case 'held':
      // The fake holds a leg only while its parent has not filled: ours waits, SUBMITTED.
      return 'SUBMITTED';
    default:
      return 'ACCEPTED';
  }
}

/**
 * Everything in which the store (read back from SQLite) and the adapter differ from the fake's own
 * state: a duplicate order at the fake, an order or fill missing or different, positions, cash.
 * Empty when they agree.
 */
export function differences(rig: AlpacaRig, broker: AlpacaBroker = rig.broker): string[] {
  const snap = rig.fake.state();
  const out: string[] = [];
  const refs = new Set<string>();
  for (const o of snap.orders) {
    if (refs.has(o.clientOrderId)) out.push(`duplicate client_order_id ${o.clientOrderId} at the fake`);
    refs.add(o.clientOrderId);
  }
  const stored = new Map(
    (
      rig.db
        .prepare(
          `SELECT o.client_order_ref, o.status, o.filled_quantity, o.quantity, a.unknown, a.fate_unknown, a.sent_at, a.left_at, a.alpaca_order_id, a.cancel_requested
           FROM orders o JOIN alpaca_orders a USING (client_order_ref)`,
        )
        .all() as StoredOrder[]
    ).map((r) => [r.client_order_ref, r]),
  );
  const byAlpacaId = new Map([...stored.values()].filter((s) => s.alpaca_order_id !== null).map((s) => [s.alpaca_order_id, s]));
  // An iceberg's slices go under "<ref>~<filled before>": the last one tells where the order stands.
  const lastSlice = new Map<string, FakeAlpacaOrderState>();
  for (const o of snap.orders.filter((x) => x.status !== 'replaced' && x.replaces === null)) {
    const base = /^(.+)~[\d.]+$/.exec(o.clientOrderId)?.[1];
    if (base !== undefined && stored.has(base)) {
      lastSlice.set(base, o);
      continue;
    }
    // A list's legs get their ids from Alpaca: the store knows them by the Alpaca id.
    const s = stored.get(o.clientOrderId) ?? (o.parentId !== null ? byAlpacaId.get(o.id) : undefined);
    const want = expectedStatus(o);
    if (!s) out.push(`order ${o.clientOrderId} (Alpaca ${o.id}) is at the fake but not in the store`);
    else if (s.status !== want || Math.abs(s.filled_quantity - o.filledQty) > 1e-9 || Math.abs(s.quantity - o.qty) > 1e-9) {
      out.push(`order ${o.clientOrderId}: store ${s.status} ${s.filled_quantity}/${s.quantity}, fake ${want} ${o.filledQty}/${o.qty}`);
    }
  }
  for (const [ref, slice] of lastSlice) {
    const s = stored.get(ref) as StoredOrder;
    const complete = s.filled_quantity >= s.quantity - 1e-9;
    if (slice.status === 'filled' && !complete) out.push(`iceberg ${ref}: its slice ${slice.clientOrderId} filled, and the next is not at the fake`);
    const want = slice.status === 'filled' ? 'FILLED' : slice.status === 'canceled' || slice.status === 'expired' ? 'CANCELLED' : s.filled_quantity > 0 ? 'PARTIALLY_FILLED' : 'ACCEPTED';
    if (s.status !== want && !(slice.status === 'filled' && !complete)) out.push(`iceberg ${ref}: store ${s.status}, its last slice ${slice.status}`);
  }
  const atFake = (s: StoredOrder) =>
    refs.has(s.client_order_ref) || snap.orders.some((o) => o.id === s.alpaca_order_id || o.clientOrderId.startsWith(`${s.client_order_ref}~`));
  for (const s of stored.values()) {
    const open = !['FILLED', 'REJECTED', 'CANCELLED'].includes(s.status);
    if (open && s.sent_at !== null && s.alpaca_order_id === null && s.unknown !== 1) out.push(`order ${s.client_order_ref} has no answer from Alpaca yet`);
    if (open && s.fate_unknown === 1) out.push(`order ${s.client_order_ref}: fate still unknown`);
    if (open && s.cancel_requested === 1) out.push(`order ${s.client_order_ref}: cancel not confirmed yet`);
    if (s.left_at !== null && !atFake(s) && s.unknown !== 1 && s.status !== 'REJECTED') {
      out.push(`order ${s.client_order_ref} is in the store but not at the fake, and not marked unknown`);
    }
  }
  const fills = rig.db.prepare('SELECT f.quantity, f.price, a.alpaca_order_id AS orderId FROM fills f JOIN alpaca_fills a ON a.fill_row = f.row').all() as {
    quantity: number;
    price: number;
    orderId: string;
  }[];
  if (fills.length !== snap.fills.length) out.push(`store has ${fills.length} fills, the fake ${snap.fills.length}`);
  const sum = (rows: { quantity: number; price: number }[]) => rows.reduce((s, r) => s + r.quantity * r.price, 0);
  const byOrder = new Map<string, { quantity: number; price: number }[]>();
  for (const f of snap.fills) byOrder.set(f.orderId, [...(byOrder.get(f.orderId) ?? []), { quantity: f.qty, price: f.price }]);
  for (const [orderId, fakeFills] of byOrder) {
    const ours = fills.filter((f) => f.orderId === orderId);
    if (Math.abs(sum(ours) - sum(fakeFills)) > 1e-6) out.push(`fills of Alpaca order ${orderId}: store ${sum(ours)}, fake ${sum(fakeFills)}`);
  }
  const held = new Map(broker.getPositions().map((p) => [p.instrument, p.quantity]));
  for (const p of snap.positions) {
    if (Math.abs((held.get(p.symbol) ?? 0) - p.qty) > 1e-9) out.push(`position ${p.symbol}: adapter ${held.get(p.symbol) ?? 0}, fake ${p.qty}`);
  }
  for (const [symbol, qty] of held) if (!snap.positions.some((p) => p.symbol === symbol)) out.push(`position ${symbol}: adapter ${qty}, fake none`);
  const cash = broker.getAccountState().cash;
  if (Math.abs(cash - Math.round(snap.cash * 100) / 100) > 0.005) out.push(`cash: adapter ${cash}, fake ${snap.cash}`);
  return out;
}

/** Waits until the adapter and its store agree with the fake. */
export async function settled(rig: AlpacaRig, broker: AlpacaBroker = rig.broker, timeoutMs = 10_000): Promise<void> {
  let last: string[] = [];
  try {
    await eventually(async () => {
      await broker.idle();
      return (last = differences(rig, broker)).length === 0;
    }, 'the store to match the fake', timeoutMs);
  } catch {
    throw new Error(`the store does not match the fake Alpaca:\n  ${last.join('\n  ')}`);
  }
}

/** Every broker event from now on. */
export function recordEvents(b: AlpacaBroker): BrokerEvent[] {
  const events: BrokerEvent[] = [];
  b.subscribe((e) => events.push(e));
  return events;
}
