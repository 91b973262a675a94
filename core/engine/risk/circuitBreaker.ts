import type { RiskChecksConfig } from '../../config/executionConfigSchema';
import type { Timestamp } from '../../domain/order';
import type { Clock } from './riskTypes';

const MAX_KEPT = 1000;

export type BreakerConfig = NonNullable<RiskChecksConfig['circuit_breaker']>;

/** Who refused the order: our own pre-submission checks, or the broker (a rejection or a failed send). */
export type FailureSource = 'risk' | 'broker';

export interface BreakerFailure {
  at: Timestamp;
  source: FailureSource;
  reason: string;
}

export interface BreakerState {
  /** False when the execution config has no circuit_breaker: it then never trips. */
  enabled: boolean;
  tripped: boolean;
  /** When it tripped; null while not tripped. */
  since: Timestamp | null;
  /** Why it tripped; null while not tripped. */
  reason: string | null;
  /** Failures within the window now (all of them since it tripped, while tripped). */
  recentCount: number;
  maxRejections: number | null;
  windowSeconds: number | null;
  /** The failures counted, oldest first. */
  recent: BreakerFailure[];
}

/**
 * Halts new orders after `max_rejections` refusals or failures within `window_seconds`, and stays
 * tripped until the trader resets it: a burst of rejections usually means something is wrong
 * (bad prices, a stale account, a broken strategy) and more orders would only make it worse.
 */
export class CircuitBreaker {
  private failures: BreakerFailure[] = [];
  private trippedAt: Timestamp | null = null;
  private tripReason: string | null = null;
  private readonly listeners = new Set<(state: BreakerState) => void>();

  constructor(
    private readonly config: BreakerConfig | null,
    private readonly clock: Clock,
  ) {}

  get tripped(): boolean {
    return this.trippedAt !== null;
  }

  /** Counts one refusal; trips the breaker when the window holds max_rejections of them. */
  record(source: FailureSource, reason: string): BreakerState {
    const now = this.clock();
    if (!this.tripped) this.prune(now);
    this.failures.push({ at: now, source, reason });
    const cfg = this.config;
    if (cfg && !this.tripped && this.failures.length >= cfg.max_rejections) {
      this.trippedAt = now;
      this.tripReason = `${this.failures.length} rejections within ${cfg.window_seconds} s; last: ${reason}`;
    }
    // Only while tripped can the list outgrow the window; the oldest of a long halt tell nothing new.
    if (this.tripped && this.failures.length > MAX_KEPT) this.failures.splice(0, this.failures.length - MAX_KEPT);
    return this.notify();
  }

  /** Why a new order must not be sent now, or null when it may. */
  refusal(): string | null {
    if (this.trippedAt === null) return null;
    return `circuit breaker tripped at ${new Date(this.trippedAt).toISOString()} (${this.tripReason}); reset it to trade again`;
  }

  /** The trader's explicit reset: forgets the counted failures, so the next one does not trip it again at once. */
  reset(): BreakerState {
    this.failures = [];
    this.trippedAt = null;
    this.tripReason = null;
    return this.notify();
  }

  state(): BreakerState {
    if (!this.tripped) this.prune(this.clock());
    const cfg = this.config;
    return {
      enabled: cfg !== null,
      tripped: this.tripped,
      since: this.trippedAt,
      reason: this.tripReason,
      recentCount: this.failures.length,
      maxRejections: cfg?.max_rejections ?? null,
      windowSeconds: cfg?.window_seconds ?? null,
      recent: this.failures.map((f) => ({ ...f })),
    };
  }

  /** Called with the new state on every record and reset; returns the unsubscribe function. */
  onChange(listener: (state: BreakerState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops failures older than the window: one exactly window_seconds old still counts. */
  private prune(now: Timestamp): void {
    if (!this.config) {
      this.failures = [];
      return;
    }
    const from = now - this.config.window_seconds * 1000;
    if (this.failures.length > 0 && this.failures[0].at < from) this.failures = this.failures.filter((f) => f.at >= from);
  }

  private notify(): BreakerState {
    const s = this.state();
    for (const l of this.listeners) l(s);
    return s;
  }
}
