import type Database from 'better-sqlite3';
import type { Timestamp } from '../../domain/order';
import type { TradingMode } from '../../ipc/contract/trading';

/** What the trading service records in executed_actions: the risk and safety decisions a review needs. */
export type TradingAction =
  | 'RISK_REJECTED'
  | 'BREAKER_TRIPPED'
  | 'BREAKER_RESET'
  | 'KILL_SWITCH'
  | 'LIVE_ARMED'
  | 'LIVE_DISARMED';

export function recordAction(
  db: Database.Database,
  mode: TradingMode,
  at: Timestamp,
  action: TradingAction,
  instrument: string | null,
  detail: unknown,
): void {
  db.prepare('INSERT INTO executed_actions (mode, ts, action, instrument, detail_json) VALUES (?, ?, ?, ?, ?)').run(
    mode,
    at,
    action,
    instrument,
    JSON.stringify(detail),
  );
}
