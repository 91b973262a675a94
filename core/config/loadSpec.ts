import path from 'node:path';
import type { Adjustment } from '../data/adjust';
import type { SyntheticKnobs } from '../data/syntheticOptions';
import type { Timestamp } from '../domain/order';
import type { PlannerConfig, SimulatorConfig, TimeMachineConfig } from './simulatorSchema';
import type { RiskChecksConfig } from './executionConfigSchema';
import { ConfigError } from './ConfigError';
import { endOfDay } from './calendarDate';
import { applyOverrides } from './overrides';
import { readYamlFile } from './readYaml';
import { specFileIssues } from './specFiles';
import { sessionSpecSchema, specSchema, type Benchmark } from './specSchema';
import { validate } from './validate';
import type { z } from 'zod';

/** A spec's forward-testing settings (see sessionSpecSchema). */
export type SessionSpec = z.infer<typeof sessionSpecSchema>;

export interface CsvSource {
  symbol: string;
  /** Absolute path. */
  path: string;
}

export type DataSource =
  | { kind: 'csv'; files: CsvSource[]; adjustment: Adjustment }
  /** Shaped like core/data/synthetic's SyntheticMarketOptions; `start` is an ISO date (YYYY-MM-DD). */
  | ({ kind: 'synthetic'; symbols: number; years: number; seed: number; start: string } & SyntheticKnobs)
  /** The bar store; `symbols` null: every series of the bar size; `db` (absolute) null: the run's database. */
  | { kind: 'store'; symbols: string[] | null; barSize: string; db: string | null; adjustment: Adjustment };

export type StrategySource =
  | { kind: 'builtin'; name: string; params: Record<string, unknown> }
  /** `module` is an absolute path. */
  | { kind: 'module'; module: string; params: Record<string, unknown> };

/**
 * A validated backtest spec with every path absolute. Spec-level keys are camelCase; the simulator,
 * planner and time machine sections keep their schemas' snake_case shapes, which other code consumes as is.
 */
export interface ResolvedSpec {
  name: string;
  /** The spec file, or the label given to parseSpec. */
  file: string;
  /** Folder that relative paths were resolved against. */
  baseDir: string;
  data: DataSource;
  strategy: StrategySource;
  /** Epoch ms UTC at the start of the start date; null: from the first bar. */
  start: Timestamp | null;
  /** Epoch ms UTC of the last millisecond of the end date (inclusive); null: to the last bar. */
  end: Timestamp | null;
  initialCash: number;
  seed: number;
  benchmark: Benchmark;
  /** Close every position at the last session's close, with costs. */
  closeAtEnd: boolean;
  simulator: SimulatorConfig;
  planner: PlannerConfig;
  timeMachine: TimeMachineConfig;
  riskChecks: RiskChecksConfig | 'off';
  /** Forward-testing settings, defaults filled in. */
  session: SessionSpec;
}

/** Top-level keys a `--set` override may target. */
export const SPEC_KEYS: readonly string[] = Object.keys(specSchema.shape);

/** Strategy params whose string values are paths: `file`, `path`, `dir` or ending in `_file`, `_path`, `_dir`. */
const PATH_PARAM = /(^|_)(file|path|dir)$/;

/**
 * Loads a backtest spec YAML file, applies `--set key.path=value` overrides, validates and resolves it,
 * and checks the files it names (see specFileIssues), so a bad path fails before anything runs.
 */
export function loadSpecFile(file: string, overrides: readonly string[] = []): ResolvedSpec {
  const raw = applyOverrides(readYamlFile(file), overrides, SPEC_KEYS, file);
  const spec = parseSpec(raw, file, path.dirname(path.resolve(file)));
  const issues = specFileIssues(spec, raw);
  if (issues.length > 0) throw new ConfigError(file, issues);
  return spec;
}

/**
 * Validates an already-parsed spec (e.g. from the UI); relative paths are resolved against `baseDir`.
 * The files it names are not looked at here: specFileIssues does that.
 */
export function parseSpec(obj: unknown, file: string, baseDir: string): ResolvedSpec {
  const spec = validate(specSchema, obj, file);
  const start = spec.start ?? null;
  const end = spec.end === undefined ? null : endOfDay(spec.end);
  if (start !== null && end !== null && start > end) {
    throw new ConfigError(file, [
      { path: 'end', message: `end ${isoDay(end)} is before start ${isoDay(start)}` },
    ]);
  }
  const abs = (p: string): string => path.resolve(baseDir, p);
  return {
    name: spec.name,
    file,
    baseDir,
    data: resolveData(spec.data, abs),
    strategy: resolveStrategy(spec.strategy, abs),
    start,
    end,
    initialCash: spec.initial_cash,
    seed: spec.seed,
    benchmark: spec.benchmark,
    closeAtEnd: spec.close_at_end,
    simulator: spec.simulator,
    planner: spec.planner,
    timeMachine: spec.time_machine,
    riskChecks: spec.risk_checks,
    session: spec.session ?? sessionSpecSchema.parse({}),
  };
}

type Parsed = ReturnType<typeof specSchema.parse>;

function resolveData(data: Parsed['data'], abs: (p: string) => string): DataSource {
  if (data.synthetic) return { kind: 'synthetic', ...data.synthetic, start: isoDay(data.synthetic.start) };
  const { adjustment } = data;
  if (data.store) {
    const { symbols, bar_size: barSize, db } = data.store;
    return { kind: 'store', symbols: symbols ?? null, barSize, db: db === undefined ? null : abs(db), adjustment };
  }
  const csv = data.csv ?? [];
  const entries = typeof csv === 'string' ? [{ symbol: path.parse(csv).name, csv }] : csv;
  return { kind: 'csv', files: entries.map((e) => ({ symbol: e.symbol, path: abs(e.csv) })), adjustment };
}

function resolveStrategy(strategy: Parsed['strategy'], abs: (p: string) => string): StrategySource {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(strategy.params)) {
    params[key] = typeof value === 'string' && PATH_PARAM.test(key) ? abs(value) : value;
  }
  if (strategy.module !== undefined) return { kind: 'module', module: abs(strategy.module), params };
  return { kind: 'builtin', name: strategy.name ?? '', params };
}

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
