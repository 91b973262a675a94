import { z } from 'zod';
import { method } from '../contractTypes';

export const systemInfoSchema = z.object({
  appVersion: z.string(),
  /** How the renderer reaches the engine. */
  transport: z.enum(['electron', 'web', 'in-process']),
  dataDir: z.string(),
  dbPath: z.string(),
});

export const systemMethods = {
  'system.info': method(z.object({}).strict().prefault({}), systemInfoSchema),
} as const;
