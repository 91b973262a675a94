import { z } from 'zod';
import { IMPORT_FORMATS } from '../../data/import/formats';

/** File content uploaded by the UI: its name (for the symbol guess and errors) and its text. */
export const importSourceSchema = z
  .object({
    name: z.string().min(1).max(255),
    text: z.string(),
    symbol: z.string().min(1).optional(),
    format: z.enum([...IMPORT_FORMATS, 'auto']).default('auto'),
  })
  .strict();

export const importTextSchema = importSourceSchema.extend({ replace: z.boolean().default(false) }).strict();

export const barsQuerySchema = z
  .object({
    symbol: z.string().min(1),
    barSize: z.string().min(1).optional(),
    from: z.number().finite().optional(),
    to: z.number().finite().optional(),
    maxPoints: z.number().int().min(2).max(100_000).optional(),
  })
  .strict();

export const deleteSeriesSchema = z
  .object({
    symbol: z.string().min(1),
    /** Omitted: every series of the symbol. */
    barSize: z.string().min(1).optional(),
  })
  .strict();

export type ImportSourceInput = z.input<typeof importSourceSchema>;
export type ImportTextInput = z.input<typeof importTextSchema>;
export type BarsQueryInput = z.input<typeof barsQuerySchema>;
export type DeleteSeriesInput = z.input<typeof deleteSeriesSchema>;
