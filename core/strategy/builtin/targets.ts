import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { StrategyDefinition } from '../types';
import { parseTargetsCsv } from './targetsCsv';

const params = z
  .object({
    /** CSV with header date,symbol,target; relative to the spec file's folder. */
    file: z.string().min(1),
    kind: z.enum(['weight', 'quantity']).default('weight'),
  })
  .strict();
export type TargetsParams = z.infer<typeof params>;

export const targets: StrategyDefinition<TargetsParams> = {
  name: 'targets',
  description:
    'Replays a CSV of dated targets: from the first session at or after each date, that date\'s rows are the whole portfolio.',
  params,
  create({ file, kind }, ctx) {
    const path = resolve(ctx.baseDir, file);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (err) {
      throw new Error(`targets: cannot read ${path}: ${(err as Error).message}`, { cause: err });
    }
    const schedule = parseTargetsCsv(text, path, ctx.symbols);
    let next = 0;
    return (asOf) => {
      const start = next;
      while (next < schedule.length && schedule[next].ts <= asOf) next++;
      if (next === start) return null;
      // Dates skipped between two sessions are superseded: only the latest one is the portfolio now.
      return { kind, values: new Map(schedule[next - 1].values) };
    };
  },
};
