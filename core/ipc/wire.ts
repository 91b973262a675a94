import { z } from 'zod';
import { apiErrorSchema } from './errors';

/** Frames on the wire, the same for the WebSocket and for Electron's channel pair. */
export const requestFrameSchema = z
  .object({
    id: z.number().int().nonnegative(),
    method: z.string().min(1).max(100),
    input: z.unknown(),
  })
  .strict();
export type RequestFrame = z.infer<typeof requestFrameSchema>;

export type CallResult = { ok: true; value: unknown } | { ok: false; error: z.infer<typeof apiErrorSchema> };

export const callResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }).strict(),
  z.object({ ok: z.literal(false), error: apiErrorSchema }).strict(),
]);

export const responseFrameSchema = z.object({ id: z.number().int().nonnegative(), result: callResultSchema }).strict();
export type ResponseFrame = { id: number; result: CallResult };

export const eventFrameSchema = z.object({ event: z.string().min(1), payload: z.unknown() }).strict();
export type EventFrame = z.infer<typeof eventFrameSchema>;

export const serverFrameSchema = z.union([responseFrameSchema, eventFrameSchema]);
