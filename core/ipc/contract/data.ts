import { z } from 'zod';
import { method } from '../contractTypes';
import { noInput, num, ts } from './common';

export const DATA_IMPORT_FORMATS = ['yahoo', 'stooq', 'backtrader', 'generic', 'ib'] as const;

export const seriesInfoSchema = z.object({
  id: num,
  symbol: z.string(),
  barSize: z.string(),
  barSeconds: num,
  source: z.string(),
  fileName: z.string().nullable(),
  importedAt: ts,
  fingerprint: z.string(),
  firstTs: ts,
  lastTs: ts,
  bars: num,
  gaps: num,
  hasAdjClose: z.boolean(),
});
export type SeriesInfoDto = z.infer<typeof seriesInfoSchema>;

const barSchema = z.object({ ts, open: num, high: num, low: num, close: num, volume: num });
export type BarDto = z.infer<typeof barSchema>;

export const barsViewSchema = z.object({
  symbol: z.string(),
  barSize: z.string(),
  source: seriesInfoSchema,
  resampled: z.boolean(),
  downsampled: z.boolean(),
  /** Bars of `barSize` merged into each candle (the last may hold fewer): 1 unless downsampled. */
  barsPerCandle: z.number().int().min(1),
  bars: z.array(barSchema),
});
export type BarsViewDto = z.infer<typeof barsViewSchema>;

const importIssueSchema = z.object({
  message: z.string(),
  line: num.optional(),
  column: z.union([z.string(), num]).optional(),
});

export const importPreviewSchema = z.object({
  name: z.string(),
  format: z.enum(DATA_IMPORT_FORMATS).nullable(),
  symbol: z.string().nullable(),
  barSize: z.string().nullable(),
  bars: num,
  firstTs: ts.nullable(),
  lastTs: ts.nullable(),
  head: z.array(z.string()),
  sample: z.array(barSchema),
  valid: z.boolean(),
  errors: z.array(importIssueSchema),
  warnings: z.array(z.string()),
  existing: seriesInfoSchema.nullable(),
});
export type ImportPreviewDto = z.infer<typeof importPreviewSchema>;

/** File content uploaded by the UI: its name (for the symbol guess and errors) and its text. */
const importSource = {
  name: z.string().min(1).max(255),
  text: z.string(),
  symbol: z.string().min(1).max(50).optional(),
  format: z.enum([...DATA_IMPORT_FORMATS, 'auto']).default('auto'),
};

export const instrumentSchema = z.object({
  symbol: z.string(),
  exchange: z.string(),
  currency: z.string(),
  assetClass: z.string(),
  lotSize: num,
  tickSize: num,
});

export const dataMethods = {
  'data.series': method(noInput, z.array(seriesInfoSchema)),
  'data.bars': method(
    z
      .object({
        symbol: z.string().min(1).max(50),
        barSize: z.string().min(1).max(10).optional(),
        from: ts.optional(),
        to: ts.optional(),
        maxPoints: z.number().int().min(2).max(100_000).optional(),
      })
      .strict(),
    barsViewSchema,
  ),
  /** What importing the content would do; writes nothing. */
  'data.preview': method(z.object(importSource).strict(), importPreviewSchema),
  /** Imports the whole file or nothing; an existing series is replaced only when asked. */
  'data.import': method(
    z.object({ ...importSource, replace: z.boolean().default(false) }).strict(),
    z.object({ series: seriesInfoSchema, format: z.enum(DATA_IMPORT_FORMATS), warnings: z.array(z.string()), replaced: z.boolean() }),
  ),
  'data.delete': method(
    z.object({ symbol: z.string().min(1).max(50), barSize: z.string().min(1).max(10).optional() }).strict(),
    z.array(seriesInfoSchema),
  ),
  'data.instruments': method(noInput, z.array(instrumentSchema)),
} as const;

export const dataEvents = {
  /** Rows parsed of a file being imported. */
  'data.importProgress': z.object({ name: z.string(), done: num, total: num }),
} as const;
