import type { z } from 'zod';
import { ConfigError } from './ConfigError';
import { toConfigIssues } from './zodIssues';

/** Parses `input` with `schema`, or throws one ConfigError listing every issue. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, file: string): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ConfigError(file, toConfigIssues(result.error, input, schema));
  return result.data;
}
