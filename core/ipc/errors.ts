import { z } from 'zod';

export const ERROR_CODES = [
  'BAD_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'CONFLICT',
  'UNAVAILABLE',
  'REJECTED',
  'UNAUTHORIZED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** What crosses the boundary when a call fails: a code and a sentence, never a stack or SQL. */
export const apiErrorSchema = z.object({ code: z.enum(ERROR_CODES), message: z.string() }).strict();
export type ApiErrorShape = z.infer<typeof apiErrorSchema>;

/** An expected failure a handler reports to the caller as is. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toJSON(): ApiErrorShape {
    return { code: this.code, message: this.message };
  }
}
