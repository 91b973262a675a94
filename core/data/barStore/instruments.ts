import type Database from 'better-sqlite3';
import { z } from 'zod';
import { normalizeSymbol } from './symbol';

export const ASSET_CLASSES = ['STK', 'ETF', 'FUT', 'CASH', 'IND', 'CRYPTO', 'CFD', 'BOND'] as const;

/** An instrument as written by the trader or the UI; validated before it reaches the table. */
export const instrumentSchema = z
  .object({
    symbol: z.string().min(1),
    exchange: z.string().trim().min(1).max(32).default('SMART'),
    currency: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'expected a three-letter currency code')
      .transform((c) => c.toUpperCase())
      .default('USD'),
    asset_class: z.enum(ASSET_CLASSES).default('STK'),
    lot_size: z.number().finite().positive().default(1),
    tick_size: z.number().finite().positive().default(0.01),
  })
  .strict();

export type InstrumentInput = z.input<typeof instrumentSchema>;

export interface Instrument {
  symbol: string;
  exchange: string;
  currency: string;
  assetClass: (typeof ASSET_CLASSES)[number];
  lotSize: number;
  tickSize: number;
}

interface InstrumentRow {
  symbol: string;
  exchange: string;
  currency: string;
  asset_class: Instrument['assetClass'];
  lot_size: number;
  tick_size: number;
}

const COLUMNS = 'symbol, exchange, currency, asset_class, lot_size, tick_size';

function fromRow(r: InstrumentRow): Instrument {
  return {
    symbol: r.symbol,
    exchange: r.exchange,
    currency: r.currency,
    assetClass: r.asset_class,
    lotSize: r.lot_size,
    tickSize: r.tick_size,
  };
}

export function listInstruments(db: Database.Database): Instrument[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM instruments ORDER BY symbol`).all() as InstrumentRow[]).map(fromRow);
}

export function getInstrument(db: Database.Database, symbol: string): Instrument | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM instruments WHERE symbol = ?`).get(normalizeSymbol(symbol)) as
    | InstrumentRow
    | undefined;
  return row === undefined ? null : fromRow(row);
}

/** Adds the symbol with the table's defaults (SMART, USD, STK, lot 1, tick 0.01) unless it is already there. */
export function ensureInstrument(db: Database.Database, symbol: string): void {
  db.prepare('INSERT OR IGNORE INTO instruments (symbol) VALUES (?)').run(normalizeSymbol(symbol));
}

/** Creates or overwrites an instrument; keys left out take their defaults. Throws a ZodError on bad input. */
export function saveInstrument(db: Database.Database, input: InstrumentInput): Instrument {
  const v = instrumentSchema.parse(input);
  const symbol = normalizeSymbol(v.symbol);
  db.prepare(
    `INSERT INTO instruments (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (symbol) DO UPDATE SET exchange = excluded.exchange, currency = excluded.currency,
       asset_class = excluded.asset_class, lot_size = excluded.lot_size, tick_size = excluded.tick_size`,
  ).run(symbol, v.exchange, v.currency, v.asset_class, v.lot_size, v.tick_size);
  return { symbol, exchange: v.exchange, currency: v.currency, assetClass: v.asset_class, lotSize: v.lot_size, tickSize: v.tick_size };
}

/** Removes an instrument; returns whether it existed. */
export function deleteInstrument(db: Database.Database, symbol: string): boolean {
  return db.prepare('DELETE FROM instruments WHERE symbol = ?').run(normalizeSymbol(symbol)).changes > 0;
}
