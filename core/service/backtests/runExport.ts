import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import { FIRST_KEY, getRunRowsAfter, type KeyedPage } from '../../store/queries';
import type { ExportTable } from './runExportColumns';
import { priceDecimals, rowFormat, type RowFormat } from './runExportFormat';
import { equityCurve, runDetail, runPeriodReturns } from './runReads';

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

/**
 * An instrument's price precision in this run: the grid its fills' reference prices (the bars' own
 * prices) sit on. Looked up once per instrument the export meets.
 */
function runPriceDecimals(db: Database.Database, runId: string): (instrument: string) => number {
  const sample = db
    .prepare(`SELECT reference_price FROM backtest_fills_view WHERE run = (SELECT row FROM backtest_runs WHERE id = ?) AND instrument = ? LIMIT ${GRID_SAMPLE}`)
    .pluck();
  const known = new Map<string, number>();
  return (instrument) => {
    let d = known.get(instrument);
    if (d === undefined) {
      d = priceDecimals(sample.all(runId, instrument) as number[]);
      known.set(instrument, d);
    }
    return d;
  };
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
    content: await toCsv((after) => getRunRowsAfter(db, runId, what, after, PAGE), rowFormat(what, raw, runPriceDecimals(db, runId))),
  };
}
