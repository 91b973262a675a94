import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { executionConfigSchema, type ExecutionConfig } from '../../config/executionConfigSchema';
import type { TradingMode } from '../../ipc/contract/trading';
import { openDatabase } from '../../store/db';
import { tempDir } from '../../store/testDb';
import type { BrokerSession, BrokerSettings, TradingBroker } from './tradingBroker';
import { loadTradingConfigs } from './tradingConfigs';
import { TradingService, type TradingServiceOptions } from './tradingService';

export const EXECUTION_CONFIG_DIR = fileURLToPath(new URL('../../../configs/execution', import.meta.url));

export interface PushedEvent {
  event: string;
  payload: unknown;
}

/**
 * For tests: a TradingService on a temp SQLite file with the project's paper and live configs
 * (`risk` overrides their risk_checks), a clock the test sets, and every pushed event recorded.
 */
export function tradingHarness<B extends TradingBroker>(
  makeSession: (settings: BrokerSettings, db: Database.Database) => BrokerSession & { broker: B },
  risk: Partial<Record<TradingMode, Record<string, unknown>>> = {},
  opts: {
    connectWaitMs?: number;
    /** Default: an empty environment (never the test runner's own keys) and no keychain. */
    alpacaKeys?: TradingServiceOptions['alpacaKeys'];
    /** Replaces each mode's broker block. */
    broker?: Partial<Record<TradingMode, Record<string, unknown>>>;
  } = {},
) {
  const { dir, cleanup } = tempDir();
  const db = openDatabase(join(dir, 'trading.db'));
  const loaded = loadTradingConfigs(EXECUTION_CONFIG_DIR);
  const withRisk = (mode: TradingMode): ExecutionConfig =>
    executionConfigSchema.parse({ ...loaded[mode], broker: opts.broker?.[mode] ?? loaded[mode].broker, risk_checks: { ...loaded[mode].risk_checks, ...risk[mode] } });
  const clock = { now: Date.parse('2024-03-01T14:30:00Z') };
  const brokers: B[] = [];
  const events: PushedEvent[] = [];
  const service = new TradingService({
    db,
    configs: { PAPER: withRisk('PAPER'), LIVE: withRisk('LIVE') },
    createBroker: (s) => {
      const session = makeSession(s, db);
      brokers.push(session.broker);
      return session;
    },
    emit: (event, payload) => events.push({ event, payload }),
    clock: () => clock.now,
    logCapacity: 50,
    connectWaitMs: opts.connectWaitMs,
    alpacaKeys: { env: {}, ...opts.alpacaKeys },
  });
  const actions = () =>
    db.prepare('SELECT mode, ts, action, instrument, detail_json FROM executed_actions ORDER BY row').all() as {
      mode: string;
      ts: number;
      action: string;
      instrument: string | null;
      detail_json: string;
    }[];
  const broker = (): B => {
    const b = brokers.at(-1);
    if (!b) throw new Error('no broker was created');
    return b;
  };
  const eventsOf = (name: string) => events.filter((e) => e.event === name).map((e) => e.payload);
  return {
    service,
    db,
    clock,
    brokers,
    broker,
    events,
    eventsOf,
    actions,
    async close() {
      await service.close();
      db.close();
      cleanup();
    },
  };
}
