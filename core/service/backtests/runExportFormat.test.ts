import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createStoreSink } from '../../backtest/storeSink';
import { runBacktest } from '../../backtest/runner';
import { plannerSchema, simulatorSchema } from '../../config/simulatorSchema';
import { dailySeries } from '../../data/seriesFromBars';
import { openDatabase } from '../../store/db';
import { countRunRows, getPositionsOn } from '../../store/queries';
import { createRun, finishRun } from '../../store/runs';
import { tempDir } from '../../store/testDb';
import type { StrategyFn } from '../../strategy/types';
import { exportRun } from './runExport';
import { csvCell, isoTime, priceDecimals } from './runExportFormat';

const T0 = Date.parse('2020-01-01T00:00:00Z');

describe('export formatting', () => {
  it('finds the decimal grid prices are quoted on, from cents to 8 decimals', () => {
    expect(priceDecimals([100, 101])).toBe(2);
    expect(priceDecimals([100.25, 0.1 + 0.2])).toBe(2);
    expect(priceDecimals([1.12345, 1.1234])).toBe(5);
    expect(priceDecimals([2.179012])).toBe(6);
    expect(priceDecimals([Math.PI])).toBe(8);
    expect(priceDecimals([])).toBe(2);
  });

  it('prints a daily stamp as its date and an intraday one as UTC time; quotes what needs it', () => {
    expect(isoTime(Date.UTC(2020, 0, 2))).toBe('2020-01-02');
    expect(isoTime(Date.UTC(2020, 0, 2, 14, 30))).toBe('2020-01-02T14:30:00Z');
    expect(csvCell('Net P&L')).toBe('Net P&L');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
  });
});

describe('exportRun CSV: spreadsheet-ready by default, raw on request', () => {
  it('writes readable headers, ISO dates, prices at each instrument precision; raw keeps epoch ms and full floats', async () => {
    const { dir, cleanup } = tempDir();
    const db = openDatabase(join(dir, 'app.db'));
    try {
      const stock = [100.25, 101.5, 102.75, 103.1, 104.45].map((c) => [c, c + 1, c - 1, c, 1e9]);
      const fx = [1.12345, 1.12401, 1.12533, 1.12467, 1.12612].map((c) => [c, c + 0.001, c - 0.001, c, 1e12]);
      const series = [dailySeries('AAA', stock), dailySeries('EURUSD', fx)];
      const hold: StrategyFn = () => ({ kind: 'quantity', values: new Map([['AAA', 7], ['EURUSD', 30_000]]) });
      const runId = createRun(db, {
        name: 'fmt', strategy: 'test', config: { initial_cash: 100_000 }, seed: 1, dataFingerprint: '-', appVersion: '0',
        periodStart: T0, periodEnd: T0 + 4 * 86_400_000, sessionsTotal: 5,
      });
      const sink = createStoreSink(db, runId);
      const sim = simulatorSchema.parse({ commission: { model: 'percent', rate: 0.0013 }, account: { type: 'margin' } });
      const res = runBacktest({ series, strategy: hold, initialCash: 100_000, seed: 1, sim, planner: plannerSchema.parse({}), strict: true, sink, closeAtEnd: true });
      await sink.close();
      finishRun(db, runId, { status: res.status, metrics: res.metrics });

      const readable = await exportRun(db, runId, 'trades');
      expect(readable.filename).toMatch(/-trades\.csv$/);
      const [head, ...rows] = readable.content.trim().split('\n');
      const header = head.split(',');
      expect(header.slice(0, 10)).toEqual(['Symbol', 'Side', 'Status', 'Quantity', 'Entry time (UTC)', 'Entry price', 'Exit time (UTC)', 'Exit price', 'Exit reason', 'Net P&L']);
      expect(header).toEqual(expect.arrayContaining(['MAE', 'MAE %', 'MFE', 'MFE %', 'Cumulative P&L', 'Bars held']));
      const at = (line: string, key: string) => line.split(',')[header.indexOf(key)];
      const bySymbol = new Map(rows.map((r) => [at(r, 'Symbol'), r]));
      const aaa = bySymbol.get('AAA') ?? '';
      const eur = bySymbol.get('EURUSD') ?? '';
      expect(at(aaa, 'Entry time (UTC)')).toBe('2020-01-02');
      expect(at(aaa, 'Exit time (UTC)')).toBe('2020-01-05');
      expect(at(aaa, 'Exit reason')).toBe('END_OF_RUN');
      expect(at(aaa, 'Entry price')).toMatch(/^\d+\.\d{2}$/);
      expect(at(eur, 'Entry price')).toMatch(/^1\.\d{5}$/);
      expect(at(aaa, 'Net P&L')).toMatch(/^-?\d+\.\d{2}$/);
      expect(at(eur, 'MAE %')).toMatch(/^-?\d+\.\d{2}$/);

      const raw = await exportRun(db, runId, 'trades', true);
      expect(raw.filename).toMatch(/-trades-raw\.csv$/);
      const [rawHead, ...rawRows] = raw.content.trim().split('\n');
      const rawHeader = rawHead.split(',');
      expect(rawHeader.slice(0, 5)).toEqual(['instrument', 'direction', 'status', 'quantity', 'entryTs']);
      const rawAt = (line: string, key: string) => line.split(',')[rawHeader.indexOf(key)];
      expect(res.openTrades).toEqual([]);
      expect(rawRows).toHaveLength(2);
      const rawAaa = rawRows.find((r) => rawAt(r, 'instrument') === 'AAA') ?? '';
      expect(rawAt(rawAaa, 'entryTs')).toBe(String(T0 + 86_400_000));
      // Full floats: the stored number as JavaScript prints it, commission tails and all.
      const pnl = Number(rawAt(rawAaa, 'pnl'));
      expect(rawAt(rawAaa, 'pnl')).toBe(String(pnl));
      expect(Number(at(aaa, 'Net P&L'))).toBeCloseTo(pnl, 2);

      const fills = (await exportRun(db, runId, 'fills')).content.trim().split('\n');
      expect(fills[0]).toBe('Fill,Order,Symbol,Side,Quantity,Price,Commission,Slippage cost,Reference price,Time (UTC)');
      expect(fills).toHaveLength(1 + 4);
      const orders = (await exportRun(db, runId, 'orders')).content.trim().split('\n');
      expect(orders[0].split(',').slice(0, 3)).toEqual(['Order', 'Client ref', 'Symbol']);

      // Every session's positions, session by session, each session's in symbol order.
      const positions = (await exportRun(db, runId, 'positions')).content.trim().split('\n');
      expect(positions[0]).toBe('Session (UTC),Symbol,Quantity,Average cost,Market price,Market value,Unrealized P&L,Realized P&L');
      expect(positions).toHaveLength(1 + countRunRows(db, runId, 'positions'));
      expect(positions.slice(1, 3).map((l) => l.split(',').slice(0, 3))).toEqual([['2020-01-02', 'AAA', '7'], ['2020-01-02', 'EURUSD', '30000']]);
      expect(positions[1].split(',')[4]).toBe('101.50');
      expect(positions[2].split(',')[4]).toBe('1.12401');
      expect(positions[2].split(',')[5]).toMatch(/^\d+\.\d{2}$/);
      const rawPositions = (await exportRun(db, runId, 'positions', true)).content.trim().split('\n');
      expect(rawPositions[0]).toBe('ts,instrument,quantity,avgCost,marketPrice,marketValue,unrealizedPnl,realizedPnl');
      const [aaaHeld] = getPositionsOn(db, runId, T0 + 86_400_000);
      expect(rawPositions[1]).toBe([aaaHeld.ts, 'AAA', 7, aaaHeld.avgCost, aaaHeld.marketPrice, aaaHeld.marketValue, aaaHeld.unrealizedPnl, aaaHeld.realizedPnl].join(','));
    } finally {
      db.close();
      cleanup();
    }
  });

  it('an empty table still gets its header', async () => {
    const { dir, cleanup } = tempDir();
    const db = openDatabase(join(dir, 'app.db'));
    try {
      const runId = createRun(db, {
        name: 'empty', strategy: 'test', config: {}, seed: 1, dataFingerprint: '-', appVersion: '0', periodStart: T0, periodEnd: T0, sessionsTotal: 0,
      });
      expect((await exportRun(db, runId, 'trades')).content).toMatch(/^Symbol,Side,Status,.*\n$/);
      expect((await exportRun(db, runId, 'fills', true)).content).toBe('id,orderId,instrument,side,quantity,price,commission,slippage,referencePrice,ts\n');
    } finally {
      db.close();
      cleanup();
    }
  });
});
