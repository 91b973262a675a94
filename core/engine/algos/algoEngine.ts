import type { Timestamp } from '../../domain/order';
import type { DataView } from '../../sim/DataView';
import type { KernelEvent } from '../kernel/commands';
import type { Kernel } from '../kernel/kernel';
import { invalidAlgoReason, type AlgoAck, type AlgoReport, type AlgoRequest } from './algoTypes';
import { childQuantity, scheduleShare } from './childSize';
import { VolumeProfile } from './volumeProfile';

interface Parent {
  report: AlgoReport;
  notional: number;
  profile: VolumeProfile | null;
}

/** How many past bars the bar length is judged from: the shortest gap among them is one bar. */
const GAP_SAMPLE = 16;

/**
 * Works execution algorithms (TWAP, VWAP, POV) the same way in every mode: at each bar's open it
 * sends each working parent's child for that bar through the kernel (source `algo`, the same risk
 * checks as any order), as an IOC order, so whatever the bar leaves unfilled is re-sliced on the
 * next; children are market orders, or limits at the parent's price cap. Fills come back as the
 * kernel's events. Reads the market only through the view: the bar about to trade is known by its
 * stamp, its prices and volume not at all.
 */
export class AlgoEngine {
  private readonly parents = new Map<string, Parent>();
  /** The parents still working: the ones each bar looks at. */
  private readonly working = new Set<Parent>();
  private readonly childOf = new Map<string, Parent>();
  private seq = 0;
  private listening = false;

  constructor(
    private readonly kernel: Kernel,
    private readonly view: DataView,
    private readonly now: () => Timestamp,
    /** Told of each parent as it ends. */
    private readonly onEnd: (report: AlgoReport) => void = () => {},
  ) {}

  submit(request: AlgoRequest): AlgoAck {
    const id = `A${++this.seq}`;
    const why = invalidAlgoReason(request) ?? (this.view.symbols.includes(request.instrument) ? null : `unknown instrument "${request.instrument}"`);
    const count = why === null ? this.view.barCount(request.instrument) : 0;
    const report: AlgoReport = {
      id,
      request: { ...request },
      status: why === null ? 'WORKING' : 'REJECTED',
      reason: why,
      arrivalPrice: count > 0 ? this.view.close(request.instrument, 0) : Number.NaN,
      filledQuantity: 0,
      avgFillPrice: Number.NaN,
      shortfallBps: Number.NaN,
      completionPct: 0,
      commission: 0,
      childOrders: 0,
    };
    const parent: Parent = { report, notional: 0, profile: null };
    this.parents.set(id, parent);
    if (why !== null) {
      this.onEnd({ ...report });
      return { accepted: false, algoId: id, reason: why };
    }
    this.working.add(parent);
    if (request.kind === 'VWAP') {
      const n = this.view.barCount(request.instrument);
      const ts = this.view.stamps(request.instrument, n);
      const volume = this.view.history(request.instrument, 'volume', n);
      parent.profile = VolumeProfile.learn(ts, volume, request.start, request.profileDays ?? 20);
    }
    if (!this.listening) {
      this.listening = true;
      this.kernel.subscribe((e) => this.onEvent(e));
    }
    return { accepted: true, algoId: id };
  }

  /** Stops a parent: its child of this bar, if still working, is cancelled. */
  cancel(algoId: string): boolean {
    const p = this.parents.get(algoId);
    if (p === undefined || p.report.status !== 'WORKING') return false;
    this.finish(p, 'CANCELLED', 'cancelled by request');
    return true;
  }

  report(algoId: string): AlgoReport | undefined {
    const p = this.parents.get(algoId);
    return p === undefined ? undefined : { ...p.report };
  }

  reports(): AlgoReport[] {
    return [...this.parents.values()].map((p) => ({ ...p.report }));
  }

  /** At the open of the bar stamped now: ends parents past their window, and sends each other one's child for this bar. */
  onBarOpen(): void {
    const now = this.now();
    for (const p of this.working) {
      const r = p.report.request;
      if (now >= r.end) {
        this.finish(p, 'EXPIRED', `the window ended with ${p.report.filledQuantity} of ${r.quantity} filled`);
        continue;
      }
      if (now < r.start || this.view.lastTs(r.instrument) !== now) continue;
      this.sendChild(p, now);
    }
  }

  /** After the bar stamped now has traded: a parent whose window held no further bar ends here. */
  onBarClose(): void {
    const now = this.now();
    for (const p of this.working) {
      const r = p.report.request;
      if (now < r.start || this.view.lastTs(r.instrument) !== now) continue;
      if (now + this.barLength(r.instrument, this.view.barCount(r.instrument)) >= r.end)
        this.finish(p, 'EXPIRED', `the window ended with ${p.report.filledQuantity} of ${r.quantity} filled`);
    }
  }

  private sendChild(p: Parent, ts: number): void {
    const r = p.report.request;
    const n = this.view.barCount(r.instrument);
    // The bar stamped now is about to trade: only its stamp is used; the bars before it are history.
    const prevVolume = n >= 2 ? this.view.value(r.instrument, 'volume', 1) : Number.NaN;
    const barMs = this.barLength(r.instrument, n);
    const quantity = childQuantity(r, { ts, barMs, prevVolume, filled: p.report.filledQuantity, share: scheduleShare(r, ts, barMs, p.profile) });
    if (quantity <= 0) return;
    const ack = this.kernel.submitOrder(
      {
        instrument: r.instrument,
        side: r.side,
        type: r.limitPrice === undefined ? 'MARKET' : 'LIMIT',
        ...(r.limitPrice === undefined ? {} : { limitPrice: r.limitPrice }),
        quantity,
        timeInForce: 'IOC',
        metadata: { algoId: p.report.id, action: `ALGO_${r.kind}` },
      },
      'algo',
    );
    if (!ack.accepted) {
      this.finish(p, 'CANCELLED', `a child was refused: ${ack.reason ?? 'rejected'}`);
      return;
    }
    p.report.childOrders++;
    this.childOf.set(ack.orderId, p);
  }

  /** One bar's length: the shortest gap between the stamps up to now (overnight and weekend gaps are longer). */
  private barLength(instrument: string, n: number): number {
    const ts = this.view.stamps(instrument, Math.min(n, GAP_SAMPLE));
    let gap = Number.POSITIVE_INFINITY;
    for (let i = 1; i < ts.length; i++) if (ts[i] - ts[i - 1] > 0 && ts[i] - ts[i - 1] < gap) gap = ts[i] - ts[i - 1];
    return Number.isFinite(gap) ? gap : 86_400_000;
  }

  private onEvent(e: KernelEvent): void {
    if (e.type !== 'OrderFilled' && e.type !== 'OrderPartiallyFilled') return;
    const p = this.childOf.get(e.order.id);
    if (p === undefined) return;
    const rep = p.report;
    const f = e.fill;
    rep.filledQuantity += f.quantity;
    p.notional += f.quantity * f.price;
    rep.commission += f.commission;
    rep.avgFillPrice = p.notional / rep.filledQuantity;
    const sign = rep.request.side === 'BUY' ? 1 : -1;
    rep.shortfallBps = rep.arrivalPrice > 0 ? (sign * (rep.avgFillPrice - rep.arrivalPrice) * 1e4) / rep.arrivalPrice : Number.NaN;
    rep.completionPct = (100 * rep.filledQuantity) / rep.request.quantity;
    if (e.type === 'OrderFilled') this.childOf.delete(e.order.id);
    if (rep.status === 'WORKING' && rep.filledQuantity >= rep.request.quantity - 1e-9) this.finish(p, 'COMPLETED', null);
  }

  private finish(p: Parent, status: AlgoReport['status'], reason: string | null): void {
    p.report.status = status;
    p.report.reason = reason;
    this.working.delete(p);
    for (const [orderId, parent] of this.childOf) {
      if (parent !== p) continue;
      this.kernel.cancelOrder(orderId);
      this.childOf.delete(orderId);
    }
    this.onEnd({ ...p.report });
  }
}
