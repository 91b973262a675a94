import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { importFile } from '../core/data/import/importBars';
import { openDatabase } from '../core/store/db';

const ROWS = 1_000_000;
const MINUTE = 60_000;

/** 1-minute bars around the clock on weekdays, as `,Open,High,Low,Close,Volume` with a date-time first column. */
function minuteBarsCsv(rows: number): string {
  const lines: string[] = [',Open,High,Low,Close,Volume'];
  let ts = Date.UTC(2020, 0, 6);
  let price = 100;
  for (let i = 0; i < rows; i++) {
    const weekday = new Date(ts).getUTCDay();
    if (weekday === 6) ts += 2 * 86_400_000;
    const open = price;
    price = Math.max(1, price + Math.sin(i * 0.37) * 0.05);
    const high = Math.max(open, price) + 0.02;
    const low = Math.min(open, price) - 0.02;
    const stamp = new Date(ts).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`${stamp},${open.toFixed(4)},${high.toFixed(4)},${low.toFixed(4)},${price.toFixed(4)},${100 + (i % 900)}`);
    ts += MINUTE;
  }
  return `${lines.join('\n')}\n`;
}

/** Times importing a generated 1-million-row CSV file (read, validate, store) into a fresh bar store. */
export async function run(): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tradedesk-bench-import-'));
  try {
    const file = path.join(dir, 'MINUTES.csv');
    writeFileSync(file, minuteBarsCsv(ROWS));
    const db = openDatabase(path.join(dir, 'bars.db'));
    try {
      const start = performance.now();
      const result = importFile(db, file, {}, { replace: false });
      const seconds = (performance.now() - start) / 1000;
      if (result.series.bars !== ROWS) throw new Error(`imported ${result.series.bars} bars, expected ${ROWS}`);
      return {
        rows: ROWS,
        file_mb: statSync(file).size / 2 ** 20,
        import_seconds: seconds,
        rows_per_second: ROWS / seconds,
      };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(`${JSON.stringify(await run())}\n`);
}
