import { z } from 'zod';
import type { AlpacaContext } from '../server/context';
import { applyFaultRequest, faultRequestSchema } from '../server/faults';
import { invalidRequest } from '../wire/apiError';
import type { Json } from '../wire/tradingJson';
import { json, type Route } from './jsonServer';

const stepSchema = z.object({ bars: z.number().int().min(1).max(100_000).default(1) }).strict();

function checked<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const r = schema.safeParse(body ?? {});
  if (!r.success) {
    const issue = r.error.issues[0];
    throw invalidRequest(`${what}: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  return r.data;
}

/** The fake's own controls (no keys needed): arm faults, read its state, step the replay. */
export function controlRoutes(ctx: AlpacaContext): Route[] {
  return [
    {
      method: 'POST',
      pattern: /^\/_fake\/faults$/,
      auth: false,
      handle: (r) => {
        applyFaultRequest(ctx.faults, checked(faultRequestSchema, r.body, 'POST /_fake/faults'));
        return json(204);
      },
    },
    { method: 'GET', pattern: /^\/_fake\/state$/, auth: false, handle: () => json(200, ctx.state() as unknown as Json) },
    {
      method: 'POST',
      pattern: /^\/_fake\/step$/,
      auth: false,
      handle: (r) => {
        ctx.step(checked(stepSchema, r.body, 'POST /_fake/step').bars);
        return json(200, { market_time: new Date(ctx.market.time).toISOString() });
      },
    },
  ];
}
