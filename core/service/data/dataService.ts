import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { SeriesExistsError } from '../../data/barStore/errors';
import { listInstruments as readInstruments, type Instrument } from '../../data/barStore/instruments';
import { deleteSeries as removeSeries, listSeries as readSeries } from '../../data/barStore/seriesRepo';
import type { SeriesInfo } from '../../data/barStore/seriesInfo';
import { ImportRejectedError, importText as storeText, type ImportResult } from '../../data/import/importBars';
import { previewImport as preview, type ImportPreview } from '../../data/import/previewImport';
import { ApiError } from '../../ipc/errors';
import { barsView, type BarsView } from './barsView';
import {
  barsQuerySchema,
  deleteSeriesSchema,
  importSourceSchema,
  importTextSchema,
  type BarsQueryInput,
  type DeleteSeriesInput,
  type ImportSourceInput,
  type ImportTextInput,
} from './schemas';

/**
 * The data screen's services. Each validates its input (the renderer is untrusted) and reports expected
 * failures as ApiError: BAD_INPUT, NOT_FOUND, CONFLICT (a series exists and replace was not asked) or
 * REJECTED (a file with errors; the message lists them).
 */

export function listSeries(db: Database.Database): SeriesInfo[] {
  return readSeries(db);
}

export function getBars(db: Database.Database, input: BarsQueryInput): BarsView {
  const query = parse(barsQuerySchema, input);
  return rangeErrorsAsBadInput(() => barsView(db, query));
}

/** What importing the content would do (format, symbol, bars, errors, warnings, what it replaces); writes nothing. */
export function previewImport(db: Database.Database, input: ImportSourceInput): ImportPreview {
  return preview(parse(importSourceSchema, input), db);
}

export function importText(
  db: Database.Database,
  input: ImportTextInput,
  onProgress?: (done: number, total: number) => void,
): ImportResult {
  const { replace, ...source } = parse(importTextSchema, input);
  try {
    return storeText(db, source, { replace, onProgress });
  } catch (err) {
    if (err instanceof ImportRejectedError) throw new ApiError('REJECTED', err.message);
    if (err instanceof SeriesExistsError) throw new ApiError('CONFLICT', err.message);
    throw err;
  }
}

/** Deletes a symbol's series (one bar size, or all); NOT_FOUND when there was none. */
export function deleteSeries(db: Database.Database, input: DeleteSeriesInput): SeriesInfo[] {
  const { symbol, barSize } = parse(deleteSeriesSchema, input);
  const deleted = rangeErrorsAsBadInput(() => removeSeries(db, symbol, barSize));
  if (deleted.length === 0) throw new ApiError('NOT_FOUND', `no ${barSize === undefined ? '' : `${barSize} `}bars for ${symbol} in the bar store`);
  return deleted;
}

export function listInstruments(db: Database.Database): Instrument[] {
  return readInstruments(db);
}

/** A bad symbol or bar size (RangeError from the data layer) is the caller's mistake. */
function rangeErrorsAsBadInput<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof RangeError) throw new ApiError('BAD_INPUT', err.message);
    throw err;
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new ApiError('BAD_INPUT', `${first.path.join('.') || 'input'}: ${first.message}`);
  }
  return result.data;
}
