import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UnknownMigrationError, openDatabase } from './db';
import { applyMigrations, loadMigrations } from './migrations';
import { tempDir } from './testDb';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const TABLES = [
  'alpaca_baseline_positions',
  'alpaca_baselines',
  'alpaca_fills',
  'alpaca_orders',
  'backtest_actions',
  'backtest_daily_equity',
  'backtest_fills',
  'backtest_jobs',
  'backtest_orders',
  'backtest_position_sets',
  'backtest_positions',
  'backtest_runs',
  'backtest_targets',
  'backtest_trades',
  'bar_chunks',
  'bar_series',
  'bar_store_meta',
  'executed_actions',
  'fills',
  'ib_differences',
  'ib_executions',
  'ib_orders',
  'ib_position_baselines',
  'instruments',
  'leases',
  'orders',
  'portfolio_risk_reports',
  'positions_snapshots',
  'schema_migrations',
  'session_bars',
  'session_equity',
  'session_orders',
  'strategy_sessions',
  'sweep_results',
  'sweeps',
  'target_portfolios',
  'trades',
  'walk_forwards',
];

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

function history(db: Database.Database): { version: number; name: string }[] {
  return db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as {
    version: number;
    name: string;
  }[];
}

describe('openDatabase', () => {
  it('creates parent directories, turns on WAL and foreign keys, and applies every migration', () => {
    const file = join(dir, 'nested', 'deeper', 'app.db');
    const db = openDatabase(file);
    expect(existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(tables(db)).toEqual(TABLES);
    expect(history(db)).toEqual(loadMigrations().map(({ version, name }) => ({ version, name })));
    db.close();
  });

  it('applies migrations once: reopening changes nothing and keeps the data', () => {
    const file = join(dir, 'app.db');
    const first = openDatabase(file);
    const appliedAt = first.prepare('SELECT applied_at FROM schema_migrations').all();
    first.prepare("INSERT INTO trades (mode, instrument, direction, quantity, entry_ts, entry_price, commission) VALUES ('PAPER', 'X', 'LONG', 1, 1, 1, 0)").run();
    first.close();
    const again = openDatabase(file);
    expect(again.prepare('SELECT applied_at FROM schema_migrations').all()).toEqual(appliedAt);
    expect(history(again)).toHaveLength(loadMigrations().length);
    expect(again.prepare('SELECT count(*) AS n FROM trades').get()).toEqual({ n: 1 });
    again.close();
  });

  it('works in memory', () => {
    const db = openDatabase(':memory:');
    expect(tables(db)).toEqual(TABLES);
    db.close();
  });

  it('refuses a database that records a migration this app does not know, naming file and migration', () => {
    const file = join(dir, 'app.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("INSERT INTO schema_migrations VALUES (999, 'from_the_future', 0)").run();
    raw.close();
    expect(() => openDatabase(file)).toThrow(UnknownMigrationError);
    expect(() => openDatabase(file)).toThrow(/app\.db records migration 999_from_the_future/);
  });

  it('refuses a database whose migration 1 has another name', () => {
    const file = join(dir, 'app.db');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("UPDATE schema_migrations SET name = 'renamed' WHERE version = 1").run();
    raw.close();
    expect(() => openDatabase(file)).toThrow(/migration 001_renamed .*001_init/);
  });
});

describe('migrations', () => {
  it('rolls back a failing migration entirely, recording nothing', () => {
    const db = new Database(':memory:');
    const broken = [
      { version: 1, name: 'good', sql: 'CREATE TABLE a (x INTEGER);' },
      { version: 2, name: 'bad', sql: 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);' },
    ];
    expect(() => applyMigrations(db, 'mem', broken)).toThrow(/migration 002_bad failed on mem: no such table: nowhere/);
    expect(tables(db)).toEqual(['a', 'schema_migrations']);
    expect(history(db)).toEqual([{ version: 1, name: 'good' }]);
    db.close();
  });

  it('loads files in version order and rejects a misnamed one', () => {
    writeFileSync(join(dir, '002_second.sql'), 'SELECT 2;');
    writeFileSync(join(dir, '001_first.sql'), 'SELECT 1;');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    expect(loadMigrations(dir).map((m) => m.name)).toEqual(['first', 'second']);
    writeFileSync(join(dir, '3_Third.sql'), 'SELECT 3;');
    expect(() => loadMigrations(dir)).toThrow(/3_Third\.sql is not named NNN_name\.sql/);
  });

  it('rejects two files with the same version', () => {
    writeFileSync(join(dir, '001_first.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '001_other.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/version 001 appears twice/);
  });
});
