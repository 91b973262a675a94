/** A backtest spec as the form edits it: plain JSON, snake_case, the shape of a spec YAML file. */
export type Spec = Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dotted path, or undefined. */
export function getAt(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const key of path.split('.')) {
    if (!isRecord(cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

/**
 * A copy of `obj` with the value at `path` replaced (objects on the way are created as needed and
 * copied, never mutated). `undefined` removes the key, so the engine applies its default.
 */
export function setAt(obj: Spec, path: string, value: unknown): Spec {
  const [key, ...rest] = path.split('.');
  const out: Spec = { ...obj };
  if (rest.length === 0) {
    if (value === undefined) delete out[key];
    else out[key] = value;
    return out;
  }
  const child = isRecord(obj[key]) ? (obj[key] as Spec) : {};
  out[key] = setAt(child, rest.join('.'), value);
  return out;
}
