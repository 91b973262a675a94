import type { SweepAxis } from '../ipc/contract/research';
import type { ParamValue } from './where';

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function valueOf(text: string): ParamValue {
  const t = text.trim();
  if (NUMBER.test(t)) return Number(t);
  if (t === 'true' || t === 'false') return t === 'true';
  return t.replace(/^(['"])(.*)\1$/, '$2');
}

/**
 * One `--grid` argument: `name=from:to:step` (inclusive), `name=from:to` (a range for random search; an
 * integer parameter steps by 1 in a grid) or `name=a,b,c` (listed values: numbers, true/false or text).
 */
export function parseGridArg(arg: string): SweepAxis {
  const eq = arg.indexOf('=');
  const name = eq > 0 ? arg.slice(0, eq).trim() : '';
  const body = eq > 0 ? arg.slice(eq + 1).trim() : '';
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name) || body === '') {
    throw new Error(`--grid ${JSON.stringify(arg)}: expected name=from:to:step, name=from:to or name=a,b,c`);
  }
  if (body.includes(':')) {
    const parts = body.split(':').map((p) => p.trim());
    const nums = parts.map(Number);
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => !NUMBER.test(p))) {
      throw new Error(`--grid ${name}: "${body}" is not from:to or from:to:step with numbers`);
    }
    if (parts.length === 3 && !(nums[2] > 0)) throw new Error(`--grid ${name}: the step must be above 0, not ${parts[2]}`);
    return parts.length === 3 ? { name, min: nums[0], max: nums[1], step: nums[2] } : { name, min: nums[0], max: nums[1] };
  }
  const parts = body.split(',');
  if (parts.some((p) => p.trim() === '')) throw new Error(`--grid ${name}: "${body}" has an empty value`);
  return { name, values: parts.map(valueOf) };
}
