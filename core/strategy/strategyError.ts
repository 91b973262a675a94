import type { Timestamp } from '../domain/order';

/** A failure inside the strategy, named with the session it happened on. */
export class StrategyError extends Error {
  constructor(
    readonly at: Timestamp,
    override readonly cause: unknown,
  ) {
    const msg = cause instanceof Error ? cause.message : String(cause);
    super(`strategy failed on ${new Date(at).toISOString().replace('T00:00:00.000Z', '')}: ${msg}`);
    this.name = 'StrategyError';
  }
}
