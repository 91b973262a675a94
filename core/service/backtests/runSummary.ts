import type { RunDetail, RunMetrics, RunSummary } from '../../ipc/contract/backtests';
import type { RunRow } from '../../store/rows';

function parseJson<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function recordedConfig(row: RunRow): Record<string, unknown> {
  return parseJson<Record<string, unknown>>(row.configJson, {});
}

export function toSummary(row: RunRow): RunSummary {
  const config = recordedConfig(row);
  return {
    id: row.id,
    name: row.name,
    strategy: row.strategy,
    status: row.status,
    error: row.error,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    sessionsTotal: row.sessionsTotal,
    sessionsDone: row.sessionsDone,
    initialCash: typeof config.initial_cash === 'number' ? config.initial_cash : 0,
    metrics: parseJson<RunMetrics | null>(row.metricsJson, null),
  };
}

export function toDetail(row: RunRow, symbols: string[]): RunDetail {
  return {
    ...toSummary(row),
    seed: row.seed,
    dataFingerprint: row.dataFingerprint,
    appVersion: row.appVersion,
    symbols,
    config: recordedConfig(row),
  };
}
