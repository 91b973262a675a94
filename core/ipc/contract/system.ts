import { z } from 'zod';
import { method } from '../contractTypes';
import { noInput } from './common';

export const systemInfoSchema = z.object({
  appVersion: z.string(),
  /** How the renderer reaches the engine. */
  transport: z.enum(['electron', 'web', 'in-process']),
  dataDir: z.string(),
  dbPath: z.string(),
});

export const logLevelSchema = z.enum(['debug', 'info', 'warn', 'error', 'fatal']);

export const logEntrySchema = z.object({
  /** Epoch ms. */
  time: z.number(),
  level: logLevelSchema,
  /** The part of the engine that wrote it: host, jobs, ib, ipc. */
  component: z.string().nullable(),
  msg: z.string(),
  /** The line's other fields as compact JSON, or null. */
  detail: z.string().nullable(),
});

export const systemLogsInputSchema = z
  .object({
    limit: z.number().int().min(1).max(2000).default(200),
    /** Only entries at this level or above. */
    level: logLevelSchema.default('debug'),
    /** Only entries at or after this time (epoch ms). */
    since: z.number().finite().optional(),
  })
  .strict()
  .prefault({});

export const systemLogsSchema = z.object({
  /** The folder of the rotated log files. */
  dir: z.string(),
  /** The newest entries that pass the filter, oldest first. */
  entries: z.array(logEntrySchema),
});

export const systemMethods = {
  'system.info': method(noInput, systemInfoSchema),
  /** The tail of the engine's structured log, for the app's log view. */
  'system.logs': method(systemLogsInputSchema, systemLogsSchema),
} as const;
