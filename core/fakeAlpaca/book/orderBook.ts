import { randomUUID } from 'node:crypto';
import { shortsAllowed, type SimulatorConfig } from '../../config/simulatorSchema';
import { Portfolio } from '../../engine/portfolio';
import type { Instrument } from '../../fakeTws/model';
import type { Market } from '../../fakeTws/market/market';
import { createCommissionModel, type CommissionModel } from '../../sim/commission';
import { forbidden, invalidRequest, notFound, unprocessable } from '../wire/apiError';
import { isOpen, type AlpacaAsset, type AlpacaStatus, type FakeAlpacaFill, type FakeAlpacaOrder, type TradeEvent } from '../model';
import { Matcher } from './matching';
import type { OrderSpec, ReplaceSpec } from './orderSpec';
import { ratchetTrail, retrail, startTrail } from './trailingStops';

export interface BookListener {
  event(event: TradeEvent, order: FakeAlpacaOrder, fill: FakeAlpacaFill | null): void;
}

export interface OrderBookOptions {
  market: Market;
  assets: readonly AlpacaAsset[];
  sim: SimulatorConfig;
  initialCash: number;
  rng: () => number;
  /** Wall clock, ms: order and fill times. */
  now: () => number;
  listener: BookListener;
}

/** Fills of new orders wait this long (the delayed-fill fault). */
export interface FillDelay {
  ms: number;
  steps: number;
}

const EPS = 1e-9;

/** Shares with at most 9 decimals, as Alpaca reports fractional quantities. */
function shares(q: number): number {
  return Math.round(q * 1e9) / 1e9;
}

/**
 * Alpaca's order lifecycle over the fake's market: accepted -> new -> partially_filled / filled, or
 * canceled, expired, replaced. Matching follows the backtests' rules (see Matcher); cash and positions
 * follow core/engine's Portfolio. Bracket, OCO and OTO legs are plain orders linked to their parent.
 */
export class OrderBook {
  readonly orders: FakeAlpacaOrder[] = [];
  readonly fills: FakeAlpacaFill[] = [];
  readonly portfolio: Portfolio;
  fillDelay: FillDelay | null = null;
  private readonly byId = new Map<string, FakeAlpacaOrder>();
  private readonly byClientId = new Map<string, FakeAlpacaOrder>();
  private readonly matcher: Matcher;
  private readonly commission: CommissionModel;
  private readonly market: Market;

  constructor(private readonly opts: OrderBookOptions) {
    this.market = opts.market;
    this.matcher = new Matcher(opts.market, opts.sim, opts.rng);
    this.commission = createCommissionModel(opts.sim.commission);
    this.portfolio = new Portfolio(
      opts.assets.map((a) => a.symbol),
      opts.initialCash,
      opts.sim.account,
    );
    this.markAll();
  }

  get(id: string): FakeAlpacaOrder {
    const o = this.byId.get(id);
    if (!o) throw notFound('order not found');
    return o;
  }

  byClientOrderId(clientOrderId: string): FakeAlpacaOrder {
    const o = this.byClientId.get(clientOrderId);
    if (!o) throw notFound('order not found');
    return o;
  }

  /** Last price of an asset (the current bar's close); NaN before its first bar. */
  last(asset: AlpacaAsset): number {
    return this.market.last(this.instrument(asset));
  }

  lookup(symbol: string): AlpacaAsset | undefined {
    const inst = this.market.lookup(symbol);
    return inst ? this.opts.assets[inst.index] : undefined;
  }

  /**
   * Checks an order against the account and the market and registers it (with its legs) as accepted.
   * The caller answers the request with this state, then calls activate().
   */
  submit(spec: OrderSpec): FakeAlpacaOrder {
    const asset = this.lookup(spec.symbol);
    if (!asset) throw unprocessable(`asset "${spec.symbol}" not found`);
    if (spec.clientOrderId !== null && this.byClientId.has(spec.clientOrderId)) throw invalidRequest('client_order_id must be unique');
    const last = this.last(asset);
    if (!Number.isFinite(last)) throw unprocessable(`asset "${asset.symbol}" has no price yet`);
    const qty = spec.qty ?? shares((spec.notional ?? 0) / last);
    if (!(qty > 0)) throw invalidRequest('notional is too small to buy any shares');
    this.checkLegPrices(spec, last);
    this.checkFunds(asset, spec.side, qty, spec.limitPrice ?? spec.stopPrice ?? last, !Number.isInteger(qty));
    const parent = this.create(asset, spec, qty, spec.clientOrderId ?? randomUUID(), null, 'accepted');
    const tp = spec.takeProfit;
    const sl = spec.stopLoss;
    const exit = spec.side === 'buy' ? 'sell' : 'buy';
    // Bracket and OTO legs wait (held) for their entry; an OCO's stop leg works beside its limit.
    const legStatus: AlpacaStatus = spec.orderClass === 'oco' ? 'accepted' : 'held';
    const legSide = spec.orderClass === 'oco' ? spec.side : exit;
    if (tp && spec.orderClass !== 'oco') {
      this.addLeg(parent, { type: 'limit', limitPrice: tp.limitPrice, stopPrice: null }, legSide, legStatus);
    }
    if (sl) {
      this.addLeg(parent, { type: sl.limitPrice === null ? 'stop' : 'stop_limit', limitPrice: sl.limitPrice, stopPrice: sl.stopPrice }, legSide, legStatus);
    }
    return parent;
  }

  /** Routes an accepted order (status new, trade update `new`) and gives it its first chance to fill. */
  activate(parent: FakeAlpacaOrder): void {
    const group = [parent, ...(parent.orderClass === 'oco' ? this.legs(parent) : [])];
    for (const o of group) this.route(o);
    for (const o of group) if (this.isWorking(o)) this.matchNow(o);
  }

  /** The venue refuses an accepted order (status rejected, trade update `rejected`), with its legs. */
  reject(parent: FakeAlpacaOrder): void {
    const now = this.opts.now();
    for (const o of [parent, ...this.legs(parent)]) {
      o.status = 'rejected';
      o.failedAt = now;
      o.updatedAt = now;
      this.opts.listener.event('rejected', o, null);
    }
  }

  /** Cancels an open order (with the legs that depend on it): pending_cancel, then canceled. */
  cancel(id: string): void {
    const o = this.get(id);
    if (!isOpen(o.status)) throw unprocessable(`order is already in "${o.status}" state`);
    this.finish(o, 'canceled', true);
  }

  /** Cancels every open order; answers the ones it cancelled. */
  cancelAll(): FakeAlpacaOrder[] {
    const out: FakeAlpacaOrder[] = [];
    for (const o of this.orders) {
      if (!isOpen(o.status)) continue;
      this.finish(o, 'canceled', true);
      out.push(o);
    }
    return out;
  }

  /** PATCH: a new order replaces an open or held one (status replaced, trade update `replaced`); answers the new order. */
  replace(id: string, spec: ReplaceSpec): FakeAlpacaOrder {
    const old = this.get(id);
    if (old.status !== 'new' && old.status !== 'accepted' && old.status !== 'partially_filled' && old.status !== 'held') {
      throw unprocessable(`order is in "${old.status}" state and cannot be replaced`);
    }
    if (old.type === 'market') throw unprocessable('market orders cannot be replaced');
    if (spec.clientOrderId !== null && this.byClientId.has(spec.clientOrderId)) throw invalidRequest('client_order_id must be unique');
    if (spec.limitPrice !== null && old.limitPrice === null) throw invalidRequest(`limit_price cannot be set on a ${old.type} order`);
    if (spec.stopPrice !== null && (old.type !== 'stop' && old.type !== 'stop_limit')) throw invalidRequest(`stop_price cannot be set on a ${old.type} order`);
    if (spec.trail !== null && old.type !== 'trailing_stop') throw invalidRequest(`trail is only for trailing_stop orders, not ${old.type}`);
    const qty = spec.qty ?? shares(old.qty - old.filledQty);
    const now = this.opts.now();
    const next: FakeAlpacaOrder = {
      ...old,
      id: randomUUID(),
      clientOrderId: spec.clientOrderId ?? randomUUID(),
      qty,
      tif: spec.tif ?? old.tif,
      limitPrice: spec.limitPrice ?? old.limitPrice,
      stopPrice: spec.stopPrice ?? old.stopPrice,
      trailPrice: old.trailPrice !== null ? (spec.trail ?? old.trailPrice) : null,
      trailPercent: old.trailPercent !== null ? (spec.trail ?? old.trailPercent) : null,
      legIds: [...old.legIds],
      // A held leg's replacement waits for the entry like the leg did.
      ...this.freshLife(old.status === 'held' ? 'held' : 'accepted', old.id, now),
    };
    old.status = 'replaced';
    old.replacedAt = now;
    old.replacedBy = next.id;
    old.updatedAt = now;
    old.legIds.length = 0;
    if (spec.trail !== null) retrail(next);
    this.register(next);
    for (const leg of this.legs(next)) leg.parentId = next.id;
    if (next.parentId !== null) {
      const parent = this.get(next.parentId);
      parent.legIds[parent.legIds.indexOf(old.id)] = next.id;
    }
    this.opts.listener.event('replaced', old, null);
    if (next.status === 'held') return next;
    this.route(next);
    if (this.isWorking(next)) this.matchNow(next);
    return next;
  }

  /** DELETE /v2/positions/{symbol}: a market order that closes all, `qty` or `percentage` of it. */
  closePosition(symbol: string, amount: { qty: number | null; percentage: number | null }): FakeAlpacaOrder {
    const asset = this.lookup(symbol);
    const held = asset ? this.portfolio.qty[asset.index] : 0;
    if (!asset || Math.abs(held) < EPS) throw notFound('position does not exist');
    let qty = Math.abs(held);
    if (amount.qty !== null) qty = amount.qty;
    else if (amount.percentage !== null) qty = shares((Math.abs(held) * amount.percentage) / 100);
    if (!(qty > 0) || qty > Math.abs(held) + EPS) throw forbidden(`insufficient qty available for order (requested: ${qty}, available: ${Math.abs(held)})`);
    const order = this.submit({
      symbol: asset.symbol,
      side: held > 0 ? 'sell' : 'buy',
      type: 'market',
      tif: 'day',
      qty,
      notional: null,
      limitPrice: null,
      stopPrice: null,
      trailPrice: null,
      trailPercent: null,
      extendedHours: false,
      clientOrderId: null,
      orderClass: 'simple',
      takeProfit: null,
      stopLoss: null,
    });
    this.activate(order);
    return order;
  }

  /** After the market stepped: working orders of the instruments that got a new bar are matched on it. */
  onBars(moved: readonly Instrument[]): void {
    this.markAll();
    const steps = this.market.steps;
    for (const inst of moved) {
      this.matcher.newBar(inst.index);
      const bar = this.market.bar(inst);
      for (const o of [...this.orders]) {
        if (o.asset.index !== inst.index || !this.isWorking(o) || o.placedStep >= steps || steps < o.fillNotBeforeStep) continue;
        if (o.fillNotBeforeMs > this.opts.now()) continue;
        this.match(o, 'bar');
        if (!this.isWorking(o)) continue;
        // opg and cls orders get their one auction; DAY orders work until their session's close.
        if (o.tif === 'opg' || o.tif === 'cls' || (o.tif === 'day' && this.market.isSessionClose(inst))) {
          this.finish(o, 'expired', false);
        } else if (o.type === 'trailing_stop' && !o.triggered && bar) {
          ratchetTrail(o, bar);
        }
      }
    }
  }

  /** The delayed-fill fault's time ran out: orders that were waiting get the chance they missed. */
  retryDelayed(): void {
    const now = this.opts.now();
    for (const o of [...this.orders]) {
      if (o.fillNotBeforeMs === 0 || o.fillNotBeforeMs > now) continue;
      o.fillNotBeforeMs = 0;
      if (this.isWorking(o) && o.placedStep === this.market.steps && this.market.steps >= o.fillNotBeforeStep) this.matchNow(o);
    }
  }

  /** Open orders' buying power and shares: what a new order may still use. */
  buyingPower(): number {
    let reserved = 0;
    for (const o of this.orders) {
      if (!isOpen(o.status) || o.status === 'held' || o.side !== 'buy') continue;
      reserved += (o.qty - o.filledQty) * (o.limitPrice ?? o.stopPrice ?? this.last(o.asset));
    }
    return Math.max(0, this.portfolio.buyingPower() - reserved);
  }

  /** Shares of a long position not already promised to open sell orders (an exit group counts once). */
  qtyAvailable(asset: AlpacaAsset): number {
    const held = this.portfolio.qty[asset.index];
    const groups = new Map<string, number>();
    for (const o of this.orders) {
      if (o.asset !== asset || !isOpen(o.status) || o.status === 'held' || o.side !== 'sell') continue;
      const key = o.orderClass === 'simple' ? o.id : (o.parentId ?? o.id);
      groups.set(key, Math.max(groups.get(key) ?? 0, o.qty - o.filledQty));
    }
    let promised = 0;
    for (const q of groups.values()) promised += q;
    return Math.max(0, held - promised);
  }

  /**
   * Buying power for what the order adds to gross exposure. A sell may not flip a long position short in
   * one order (nor sell shares open orders already hold): beyond the free shares it is refused; from flat
   * or short it is a short sale, which needs a margin account and whole shares. Covering a short is free.
   */
  private checkFunds(asset: AlpacaAsset, side: 'buy' | 'sell', qty: number, price: number, fractional: boolean): void {
    const held = this.portfolio.qty[asset.index];
    let adds = qty;
    if (side === 'buy') {
      adds = Math.max(0, qty - Math.max(0, -held));
    } else {
      const available = this.qtyAvailable(asset);
      if (qty <= available + EPS) return;
      if (held > EPS || fractional || !shortsAllowed(this.opts.sim.account)) {
        throw forbidden(`insufficient qty available for order (requested: ${qty}, available: ${shares(available)})`);
      }
    }
    const cost = adds * price;
    const bp = this.buyingPower();
    if (cost > bp + EPS) {
      throw forbidden('insufficient buying power', { buying_power: bp.toFixed(2), cost_basis: cost.toFixed(2) });
    }
  }

  private checkLegPrices(spec: OrderSpec, last: number): void {
    const tp = spec.takeProfit;
    const sl = spec.stopLoss;
    if (!tp && !sl) return;
    // Exit prices must lie on the profitable / protective side of the entry (for OCO: of each other).
    const base = spec.orderClass === 'oco' ? null : (spec.limitPrice ?? last);
    const up = spec.orderClass === 'oco' ? spec.side === 'sell' : spec.side === 'buy';
    const dir = up ? 1 : -1;
    if (tp && base !== null && dir * (tp.limitPrice - base) < 0.01 - EPS) {
      throw invalidRequest(`take_profit.limit_price must be ${up ? '>=' : '<='} base_price ${up ? '+' : '-'} 0.01 (base price ${base})`);
    }
    if (sl && base !== null && dir * (base - sl.stopPrice) < 0.01 - EPS) {
      throw invalidRequest(`stop_loss.stop_price must be ${up ? '<=' : '>='} base_price ${up ? '-' : '+'} 0.01 (base price ${base})`);
    }
    if (tp && sl && base === null && dir * (tp.limitPrice - sl.stopPrice) <= 0) {
      throw invalidRequest(`take_profit.limit_price must be ${up ? 'above' : 'below'} stop_loss.stop_price`);
    }
  }

  private create(
    asset: AlpacaAsset,
    spec: Pick<OrderSpec, 'side' | 'type' | 'tif' | 'notional' | 'limitPrice' | 'stopPrice' | 'trailPrice' | 'trailPercent' | 'extendedHours' | 'orderClass'>,
    qty: number,
    clientOrderId: string,
    parentId: string | null,
    status: AlpacaStatus,
  ): FakeAlpacaOrder {
    const now = this.opts.now();
    const o: FakeAlpacaOrder = {
      id: randomUUID(),
      clientOrderId,
      asset,
      side: spec.side,
      orderClass: spec.orderClass,
      type: spec.type,
      tif: spec.tif,
      qty,
      notional: spec.notional,
      limitPrice: spec.limitPrice,
      stopPrice: spec.stopPrice,
      trailPrice: spec.trailPrice,
      trailPercent: spec.trailPercent,
      hwm: null,
      extendedHours: spec.extendedHours,
      parentId,
      legIds: [],
      ...this.freshLife(status, null, now),
    };
    this.register(o);
    return o;
  }

  private addLeg(
    parent: FakeAlpacaOrder,
    terms: { type: 'limit' | 'stop' | 'stop_limit'; limitPrice: number | null; stopPrice: number | null },
    side: 'buy' | 'sell',
    status: AlpacaStatus,
  ): void {
    const leg = this.create(
      parent.asset,
      { ...terms, side, tif: parent.tif, notional: null, trailPrice: null, trailPercent: null, extendedHours: false, orderClass: parent.orderClass },
      parent.qty,
      randomUUID(),
      parent.id,
      status,
    );
    parent.legIds.push(leg.id);
  }

  /** The fields of an order placed now (new, or replacing `replaces`): nothing filled, nothing ended yet. */
  private freshLife(status: AlpacaStatus, replaces: string | null, now: number) {
    return {
      status,
      filledQty: 0,
      filledAvgPrice: 0,
      triggered: false,
      placedStep: this.market.steps,
      ...this.delayFields(),
      createdAt: now,
      updatedAt: now,
      submittedAt: now,
      filledAt: null,
      canceledAt: null,
      expiredAt: null,
      failedAt: null,
      replacedAt: null,
      replacedBy: null,
      replaces,
    } satisfies Partial<FakeAlpacaOrder>;
  }

  private delayFields(): { fillNotBeforeStep: number; fillNotBeforeMs: number } {
    const d = this.fillDelay;
    return {
      fillNotBeforeStep: d && d.steps > 0 ? this.market.steps + d.steps : -1,
      fillNotBeforeMs: d && d.ms > 0 ? this.opts.now() + d.ms : 0,
    };
  }

  private register(o: FakeAlpacaOrder): void {
    this.orders.push(o);
    this.byId.set(o.id, o);
    this.byClientId.set(o.clientOrderId, o);
  }

  private legs(o: FakeAlpacaOrder): FakeAlpacaOrder[] {
    return o.legIds.map((id) => this.get(id));
  }

  private instrument(asset: AlpacaAsset): Instrument {
    return this.market.instruments[asset.index];
  }

  private isWorking(o: FakeAlpacaOrder): boolean {
    return o.status === 'new' || o.status === 'partially_filled';
  }

  private route(o: FakeAlpacaOrder): void {
    o.status = 'new';
    o.updatedAt = this.opts.now();
    // A replacement carries its mark over; a new trailing stop starts from the last price.
    if (o.type === 'trailing_stop' && o.hwm === null) startTrail(o, this.last(o.asset));
    this.opts.listener.event('new', o, null);
  }

  /** The first chance, at the current price (opg and cls wait for their auction); IOC and FOK get no other. */
  private matchNow(o: FakeAlpacaOrder): void {
    if (o.tif === 'opg' || o.tif === 'cls') return;
    if (o.fillNotBeforeStep > this.market.steps || o.fillNotBeforeMs > this.opts.now()) return;
    this.match(o, 'decision');
    if (this.isWorking(o) && o.tif === 'ioc') this.finish(o, 'canceled', false);
  }

  private match(o: FakeAlpacaOrder, phase: 'decision' | 'bar'): void {
    const remaining = o.qty - o.filledQty;
    const m = this.matcher.match(o, phase);
    o.triggered = m.triggered;
    if (o.tif === 'fok' && m.quantity < remaining - EPS) {
      if (m.quantity > 0) this.matcher.used[o.asset.index] -= m.quantity;
      this.finish(o, 'canceled', false);
      return;
    }
    if (m.quantity > 0) this.fill(o, m.quantity, m.price);
  }

  private fill(o: FakeAlpacaOrder, qty: number, price: number): void {
    const i = o.asset.index;
    const fee = this.commission.fee({
      side: o.side === 'buy' ? 'BUY' : 'SELL',
      quantity: qty,
      price,
      orderFilledQty: o.filledQty,
      orderFilledValue: o.filledQty * o.filledAvgPrice,
      orderCommission: 0,
      monthVolume: 0,
    });
    this.portfolio.applyFill(i, (o.side === 'buy' ? 1 : -1) * qty, price, fee);
    const filled = shares(o.filledQty + qty);
    o.filledAvgPrice = (o.filledAvgPrice * o.filledQty + price * qty) / filled;
    o.filledQty = filled;
    const now = this.opts.now();
    o.updatedAt = now;
    const done = filled >= o.qty - EPS;
    o.status = done ? 'filled' : 'partially_filled';
    if (done) o.filledAt = now;
    const fill: FakeAlpacaFill = {
      id: randomUUID(),
      order: o,
      qty,
      price,
      cumQty: filled,
      leavesQty: done ? 0 : shares(o.qty - filled),
      partial: !done,
      positionQty: shares(this.portfolio.qty[i]),
      time: now,
    };
    this.fills.push(fill);
    this.opts.listener.event(done ? 'fill' : 'partial_fill', o, fill);
    this.afterFill(o, done);
  }

  /** One exit of a group filling cancels the others; an entry filling releases its held legs. */
  private afterFill(o: FakeAlpacaOrder, done: boolean): void {
    for (const sibling of this.exitSiblings(o)) if (isOpen(sibling.status)) this.finish(sibling, 'canceled', false);
    if (done && o.orderClass !== 'oco') this.releaseLegs(o, o.qty);
  }

  /** The other members of o's exit group: bracket/OTO legs among themselves, an OCO's limit and stop. */
  private exitSiblings(o: FakeAlpacaOrder): FakeAlpacaOrder[] {
    if (o.orderClass === 'simple') return [];
    if (o.parentId === null) return o.orderClass === 'oco' ? this.legs(o) : [];
    const parent = this.get(o.parentId);
    const group = parent.orderClass === 'oco' ? [parent, ...this.legs(parent)] : this.legs(parent);
    return group.filter((x) => x !== o);
  }

  private releaseLegs(entry: FakeAlpacaOrder, qty: number): void {
    for (const leg of this.legs(entry)) {
      if (leg.status !== 'held') continue;
      leg.qty = qty;
      leg.placedStep = this.market.steps;
      this.route(leg);
    }
  }

  /**
   * Ends an open order. A bracket/OTO entry that ends after a partial fill releases its legs for the
   * filled shares; one that never filled takes its legs with it, as does any member of an OCO.
   */
  private finish(o: FakeAlpacaOrder, status: 'canceled' | 'expired', requested: boolean): void {
    const now = this.opts.now();
    if (requested) {
      o.status = 'pending_cancel';
      o.updatedAt = now;
      this.opts.listener.event('pending_cancel', o, null);
    }
    o.status = status;
    o.updatedAt = now;
    if (status === 'canceled') o.canceledAt = now;
    else o.expiredAt = now;
    this.opts.listener.event(status, o, null);
    if (o.parentId === null && o.orderClass !== 'simple') {
      if (o.orderClass !== 'oco' && o.filledQty > EPS) this.releaseLegs(o, o.filledQty);
      else for (const leg of this.legs(o)) if (isOpen(leg.status)) this.finish(leg, 'canceled', false);
    } else if (o.parentId !== null && o.orderClass === 'oco' && requested) {
      for (const sibling of this.exitSiblings(o)) if (isOpen(sibling.status)) this.finish(sibling, 'canceled', false);
    }
  }

  private markAll(): void {
    this.portfolio.markAll((i) => this.market.last(this.market.instruments[i]));
  }
}
