import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { FIRST_KEY, getRunInstruments, getRunPositionsAfter, getRunRowsAfter, type KeyedPage } from '../../store/queries';
import type { ExportTable } from './runExportColumns';
import { priceDecimals, rowFormat, type RowFormat } from './runExportFormat';
import { equityCurve, requireRun, runDetail, runPeriodReturns } from './runReads';

/** Rows read and formatted per turn of the event loop: about 10 ms of work for orders. */
const PAGE = 2_000;
/** Fills sampled per instrument to find the price grid it is quoted on. */
const GRID_SAMPLE = 256;

/**
 * Every row of a run's table as CSV, read in key-ordered pages with a turn of the event loop between
 * them: a large run's fills take seconds to read and format, and the engine must keep answering
 * meanwhile. Pages are joined with `+`, which V8 keeps as a rope instead of copying a growing string.
 */
async function toCsv(fetch: (after: number) => KeyedPage<object>, format: RowFormat): Promise<string> {
  let csv = `${format.header()}\n`;
  for (let after = FIRST_KEY; ; ) {
    const { rows, last } = fetch(after);
    if (last === null) break;
    const lines: string[] = [];
    for (const r of rows) lines.push(format.line(r as Record<string, unknown>));
    csv += `${lines.join('\n')}\n`;
    after = last;
    await nextTurn();
  }
  return csv;
}

/** Fills read per turn of the event loop while sampling prices. */
const SAMPLE_PAGE = 20_000;

/**
 * An instrument's price precision in this run: the grid its fills' reference prices (the bars' own
 * prices) sit on. The run's fills are sampled in key order, a page per turn of the event loop, until
 * every instrument met has GRID_SAMPLE prices and a page brings no new instrument; an instrument that
 * first trades later is sampled on its own when the export meets it. (One query per instrument over the
 * fills view would scan a large run's fills once per instrument: minutes for 500 symbols.)
 */
async function runPriceDecimals(db: Database.Database, runId: string, column: 'reference_price' | 'price' = 'reference_price'): Promise<(instrument: string) => number> {
  const run = db.prepare('SELECT row FROM backtest_runs WHERE id = ?').pluck().get(runId) as number | undefined;
  const page = db.prepare(
    `SELECT f.seq, o.instrument, f.${column} AS reference_price FROM backtest_fills f JOIN backtest_orders o ON o.run = f.run AND o.seq = f.order_seq
     WHERE f.run = ? AND f.seq > ? ORDER BY f.seq LIMIT ${SAMPLE_PAGE}`,
  );
  const samples = new Map<string, number[]>();
  for (let after = -Infinity; run !== undefined; ) {
    const rows = page.all(run, after) as { seq: number; instrument: string; reference_price: number }[];
    let met = false;
    for (const r of rows) {
      let prices = samples.get(r.instrument);
      if (prices === undefined) {
        prices = [];
        samples.set(r.instrument, prices);
        met = true;
      }
      if (prices.length < GRID_SAMPLE) prices.push(r.reference_price);
    }
    if (rows.length < SAMPLE_PAGE || (!met && [...samples.values()].every((p) => p.length >= GRID_SAMPLE))) break;
    after = rows[rows.length - 1].seq;
    await nextTurn();
  }
  const alone = db
    .prepare(`SELECT ${column} FROM backtest_fills_view WHERE run = ? AND instrument = ? LIMIT ${GRID_SAMPLE}`)
    .pluck();
  const known = new Map<string, number>();
  return (instrument) => {
    let d = known.get(instrument);
    if (d === undefined) {
      d = priceDecimals(samples.get(instrument) ?? (run === undefined ? [] : (alone.all(run, instrument) as number[])));
      known.set(instrument, d);
    }
    return d;
  };
}

/**
 * Each traded instrument's price decimals in this run, for the app's tables: the grid its fills printed
 * on (the tick), which the bars' own prices need not sit on (a synthetic market's are unrounded).
 */
export async function runInstrumentDecimals(db: Database.Database, runId: string): Promise<Record<string, number>> {
  requireRun(db, runId);
  const decimalsFor = await runPriceDecimals(db, runId, 'price');
  return Object.fromEntries(getRunInstruments(db, runId).map((instrument) => [instrument, decimalsFor(instrument)]));
}

/** `raw`: field names, epoch milliseconds and full floats; otherwise spreadsheet-ready (see rowFormat). */
export async function exportRun(db: Database.Database, runId: string, what: ExportTable | 'report', raw = false) {
  const detail = runDetail(db, runId);
  const base = `${detail.name.replace(/[^\w.-]+/g, '_')}-${runId.slice(0, 8)}`;
  if (what === 'report') {
    const report = {
      run: detail,
      returns: runPeriodReturns(db, runId),
      equity: equityCurve(db, runId, 20_000),
    };
    return { filename: `${base}-report.json`, mime: 'application/json', content: JSON.stringify(report, null, 2) };
  }
  return {
    filename: `${base}-${what}${raw ? '-raw' : ''}.csv`,
    mime: 'text/csv',
    content: await toCsv(
      (after) => (what === 'positions' ? getRunPositionsAfter(db, runId, after, PAGE) : getRunRowsAfter(db, runId, what, after, PAGE)),
      rowFormat(what, raw, await runPriceDecimals(db, runId)),
    ),
  };
}
