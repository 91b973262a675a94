import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../store/db';
import { deleteInstrument, ensureInstrument, getInstrument, listInstruments, saveInstrument } from './instruments';

let db: Database.Database;
beforeEach(() => {
  db = openDatabase(':memory:');
});
afterEach(() => db.close());

describe('instruments', () => {
  it('adds a symbol with defaults once and keeps what the trader set', () => {
    ensureInstrument(db, 'eurusd');
    expect(getInstrument(db, 'EURUSD')).toEqual({ symbol: 'EURUSD', exchange: 'SMART', currency: 'USD', assetClass: 'STK', lotSize: 1, tickSize: 0.01 });
    saveInstrument(db, { symbol: 'EURUSD', exchange: 'IDEALPRO', currency: 'usd', asset_class: 'CASH', lot_size: 1000, tick_size: 0.00005 });
    ensureInstrument(db, 'EURUSD');
    expect(getInstrument(db, 'EURUSD')).toEqual({ symbol: 'EURUSD', exchange: 'IDEALPRO', currency: 'USD', assetClass: 'CASH', lotSize: 1000, tickSize: 0.00005 });
  });

  it('lists by symbol, fills defaults on save and deletes', () => {
    saveInstrument(db, { symbol: 'MSFT' });
    saveInstrument(db, { symbol: 'AAPL', tick_size: 0.001 });
    expect(listInstruments(db).map((i) => [i.symbol, i.tickSize])).toEqual([['AAPL', 0.001], ['MSFT', 0.01]]);
    expect(deleteInstrument(db, 'msft')).toBe(true);
    expect(deleteInstrument(db, 'MSFT')).toBe(false);
    expect(getInstrument(db, 'MSFT')).toBeNull();
  });

  it('rejects bad values before they reach the table', () => {
    expect(() => saveInstrument(db, { symbol: 'X', lot_size: 0 })).toThrow(/lot_size/);
    expect(() => saveInstrument(db, { symbol: 'X', currency: 'DOLLARS' })).toThrow(/three-letter currency/);
    expect(() => saveInstrument(db, { symbol: 'X', asset_class: 'STOCK' as 'STK' })).toThrow(/asset_class/);
    expect(() => saveInstrument(db, { symbol: 'two words' })).toThrow(/is not valid/);
    expect(listInstruments(db)).toEqual([]);
  });
});
