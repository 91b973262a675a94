export interface BackoffConfig {
  /** Delay before the first retry. */
  initialMs: number;
  /** Cap: TWS's nightly restart takes minutes, so retries must go on, just not faster than this. */
  maxMs: number;
  /** Growth per attempt. */
  factor: number;
  /** Fraction of the delay drawn at random (0..1), so several clients do not retry in step. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffConfig = { initialMs: 1_000, maxMs: 30_000, factor: 2, jitter: 0.2 };

/** The delay before retry number `attempt` (0 = first retry): capped exponential, minus up to `jitter` of it. */
export function backoffDelay(attempt: number, cfg: BackoffConfig, random: () => number = Math.random): number {
  const base = Math.min(cfg.maxMs, cfg.initialMs * cfg.factor ** Math.max(0, attempt));
  return Math.round(base * (1 - cfg.jitter * random()));
}
