/**
 * Turns a run's recorded config (resolved sources, `{kind, ...}`) back into the spec shape the form
 * and spec files use, so a run can be duplicated as a new one.
 */
export function specInputOf(config: Record<string, unknown>, name: string): Record<string, unknown> {
  // `symbols` is the universe the run resolved, not a spec key.
  const { data, strategy, symbols: _universe, ...rest } = config;
  const out: Record<string, unknown> = { ...rest, name };
  if (isObject(data)) {
    const { kind, ...source } = data;
    if (kind === 'csv' && Array.isArray(source.files)) {
      const csv = source.files.map((f: unknown) => (isObject(f) ? { symbol: f.symbol, csv: f.path } : f));
      out.data = { csv, adjustment: source.adjustment };
    } else if (kind === 'store') {
      const store: Record<string, unknown> = { bar_size: source.barSize };
      if (source.symbols !== null) store.symbols = source.symbols;
      if (source.db !== null) store.db = source.db;
      out.data = { store, adjustment: source.adjustment };
    } else if (typeof kind === 'string') {
      out.data = { [kind]: source };
    }
  }
  if (isObject(strategy)) {
    const { kind, ...s } = strategy;
    out.strategy = kind === 'module' ? { module: s.module, params: s.params } : { name: s.name, params: s.params };
  }
  for (const key of ['start', 'end'] as const) {
    const v = out[key];
    if (typeof v === 'number') out[key] = new Date(v).toISOString().slice(0, 10);
    if (v === null) delete out[key];
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
