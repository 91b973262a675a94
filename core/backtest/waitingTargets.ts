import type { PlannerConfig, SimulatorConfig } from '../config/simulatorSchema';
import type { Kernel } from '../engine/kernel/kernel';
import type { PriceAt } from '../engine/placeTargets';
import type { Targets } from '../strategy/types';
import type { RunSink } from './RunSink';

/**
 * Targets of instruments that had no bar when their portfolio was placed. They keep working until
 * the instrument trades (then they are sized at that bar) or a newer target portfolio replaces
 * them; each step is recorded in executed_actions (TARGET_WAITING, TARGET_PLACED, TARGET_CANCELLED).
 */
export class WaitingTargets {
  private kind: Targets['kind'] = 'weight';
  private values: Map<string, number> | null = null;

  constructor(private readonly sink: RunSink | undefined) {}

  get any(): boolean {
    return this.values !== null;
  }

  /** A new target portfolio was placed at `at`: `next` (what could not trade) waits, what waited before is replaced. */
  replace(at: number, next: Map<string, number> | null, kind: Targets['kind']): void {
    const before = this.values;
    const sink = this.sink;
    if (sink && before) {
      for (const [inst, v] of before) {
        if (next?.get(inst) !== v || kind !== this.kind) sink.action(at, 'TARGET_CANCELLED', inst, { kind: this.kind, target: v, reason: 'replaced by a newer target' });
      }
    }
    if (sink && next) {
      for (const [inst, v] of next) {
        // A strategy that repeats its targets while the bar is missing does not restart the wait.
        if (before?.get(inst) !== v || kind !== this.kind) sink.action(at, 'TARGET_WAITING', inst, { kind, target: v, reason: 'no bar this session' });
      }
    }
    this.values = next;
    this.kind = kind;
  }

  /** Drops every waiting target, e.g. when a margin call liquidates the account. */
  cancel(at: number, reason: string): void {
    if (this.sink && this.values) for (const [inst, v] of this.values) this.sink.action(at, 'TARGET_CANCELLED', inst, { kind: this.kind, target: v, reason });
    this.values = null;
  }

  /** Plans the waiting targets whose instrument trades now, sized at `priceAt`. */
  resume(at: number, kernel: Kernel, priceAt: PriceAt, sim: SimulatorConfig, planner: PlannerConfig): void {
    const values = this.values;
    if (!values) return;
    const ready = new Map<string, number>();
    for (const [inst, v] of values) if (Number.isFinite(priceAt[kernel.planningVenue().indexOf(inst)])) ready.set(inst, v);
    if (ready.size === 0) return;
    kernel.placeTargets({ kind: this.kind, values: ready }, priceAt, sim, planner, new Set(ready.keys()));
    for (const [inst, v] of ready) {
      values.delete(inst);
      this.sink?.action(at, 'TARGET_PLACED', inst, { kind: this.kind, target: v, reason: 'the instrument trades again' });
    }
    if (values.size === 0) this.values = null;
  }
}
