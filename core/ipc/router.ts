import type { z } from 'zod';
import { ConfigError } from '../config/ConfigError';
import { ApiError } from './errors';
import { methods, type Handlers, type MethodName } from './contract';
import type { CallResult } from './wire';
import { errorFields, logFor } from '../log/log';

export interface Router {
  /** Validates the input, runs the handler, validates its answer; never throws. */
  call(method: string, input: unknown): Promise<CallResult>;
}

export interface RouterOptions {
  /** Where unexpected failures are logged in full; the caller only learns that one happened. */
  logError?: (method: string, err: unknown) => void;
}

function isMethod(name: string): name is MethodName {
  return Object.hasOwn(methods, name);
}

const ipcLog = logFor('ipc');

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(input)'}: ${i.message}`)
    .join('; ');
}

export function createRouter(handlers: Handlers, opts: RouterOptions = {}): Router {
  const logError = opts.logError ?? ((m, err) => ipcLog.error(`${m} failed`, errorFields(err)));
  return {
    async call(name, input) {
      if (!isMethod(name)) return { ok: false, error: { code: 'UNKNOWN_METHOD', message: `unknown method "${name.slice(0, 100)}"` } };
      const def = methods[name];
      const parsed = def.input.safeParse(input);
      if (!parsed.success) {
        return { ok: false, error: { code: 'BAD_INPUT', message: `${name}: ${describeIssues(parsed.error)}` } };
      }
      try {
        // The map is keyed by the same name, so the handler takes exactly this input.
        const handler = handlers[name] as (i: unknown) => unknown;
        const value = await handler(parsed.data);
        const checked = def.output.safeParse(value);
        if (!checked.success) {
          logError(name, new Error(`answer does not match the contract: ${describeIssues(checked.error)}`));
          return { ok: false, error: { code: 'INTERNAL', message: `${name}: the engine produced an invalid answer` } };
        }
        return { ok: true, value: checked.data };
      } catch (err) {
        if (err instanceof ApiError) return { ok: false, error: err.toJSON() };
        if (err instanceof ConfigError) return { ok: false, error: { code: 'BAD_INPUT', message: err.message } };
        logError(name, err);
        return { ok: false, error: { code: 'INTERNAL', message: `${name} failed unexpectedly; see the engine log` } };
      }
    },
  };
}
