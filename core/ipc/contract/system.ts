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

export const systemMethods = {
  'system.info': method(noInput, systemInfoSchema),
} as const;
