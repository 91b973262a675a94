import { EXIT_REASONS, type ExitReason } from '../domain/enums';
import type { Order } from '../domain/order';
import { CLOSE_AT_END } from './closeAtEnd';

/** The intent the runner's margin-call liquidation tags its orders with. */
export const MARGIN_CALL = 'MARGIN_CALL';

const isExitReason = (v: unknown): v is ExitReason => typeof v === 'string' && (EXIT_REASONS as readonly string[]).includes(v);

/**
 * Why a fill that reduces a position happened, read from its order: the engine's own intents
 * (close_at_end, margin call) first, then an explicit `exitReason` in the metadata, then the
 * order itself: a take-profit leg is a TARGET, a trailing order a TRAILING_STOP, any other stop a
 * STOP; anything else carries out the strategy's targets.
 */
export function exitReasonOf(order: (Pick<Order, 'type' | 'metadata'> & Partial<Pick<Order, 'extras'>>) | null | undefined): ExitReason {
  const meta = order?.metadata;
  const action = meta?.action;
  if (action === CLOSE_AT_END) return 'END_OF_RUN';
  if (action === MARGIN_CALL) return 'MARGIN_CALL';
  const explicit = meta?.exitReason;
  if (isExitReason(explicit)) return explicit;
  if (order?.extras?.link?.role === 'TAKE_PROFIT') return 'TARGET';
  if (order?.type === 'TRAILING_STOP' || order?.type === 'TRAILING_STOP_LIMIT') return 'TRAILING_STOP';
  if (order?.type === 'STOP' || order?.type === 'STOP_LIMIT') return 'STOP';
  return 'SIGNAL';
}
