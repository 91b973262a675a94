import { z } from 'zod';
import { callResultSchema } from '../core/ipc/wire';
import { LOG_LEVELS, type LogFields, type LogLevel } from '../core/log/log';

/**
 * What main and the engine's utility process say to each other (structured-clone messages over the
 * utility process's parent port). Main starts the host, forwards the page's calls, and asks it to close;
 * the utility process answers calls, pushes the engine's events and reports its state.
 */
/** What the engine asks main's keychain (electron/keychain.ts): whether it works, seal a text, open sealed bytes. */
export const KEYCHAIN_OPS = ['available', 'seal', 'open'] as const;
export type KeychainOp = (typeof KEYCHAIN_OPS)[number];

const keychainResultSchema = z.object({
  type: z.literal('keychain-result'),
  id: z.number().int().nonnegative(),
  ok: z.boolean(),
  available: z.boolean().optional(),
  data: z.instanceof(Uint8Array).optional(),
  text: z.string().optional(),
  error: z.string().optional(),
});

export type ToHost =
  | z.infer<typeof keychainResultSchema>
  | { type: 'start'; dataDir: string; baseDir: string }
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'close' }
  /** A line main logged: written into the one log file the engine process keeps. */
  | { type: 'log'; level: LogLevel; component: string; msg: string; fields?: LogFields };

export const fromHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), dbPath: z.string() }),
  z.object({ type: z.literal('start-failed'), message: z.string() }),
  z.object({ type: z.literal('result'), id: z.number().int().nonnegative(), result: callResultSchema }),
  z.object({ type: z.literal('event'), event: z.string().min(1), payload: z.unknown() }),
  z.object({ type: z.literal('closed') }),
  z.object({
    type: z.literal('keychain'),
    id: z.number().int().nonnegative(),
    op: z.enum(KEYCHAIN_OPS),
    text: z.string().optional(),
    data: z.instanceof(Uint8Array).optional(),
  }),
]);
export type FromHost = z.infer<typeof fromHostSchema>;

export const toHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), dataDir: z.string().min(1), baseDir: z.string().min(1) }),
  z.object({ type: z.literal('call'), id: z.number().int().nonnegative(), method: z.string(), input: z.unknown() }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('log'), level: z.enum(LOG_LEVELS), component: z.string(), msg: z.string(), fields: z.record(z.string(), z.unknown()).optional() }),
  keychainResultSchema,
]);
