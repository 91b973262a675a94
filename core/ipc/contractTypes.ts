import type { z } from 'zod';

/** One request/response method: what the renderer may send and what the engine answers. */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
}

export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O): MethodDef<I, O> {
  return { input, output };
}

export type MethodMap = Readonly<Record<string, MethodDef>>;
export type EventMap = Readonly<Record<string, z.ZodType>>;
