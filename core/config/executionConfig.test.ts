import { describe, it, expect } from 'vitest';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { readFileSync } from 'node:fs';
import { ConfigError } from './ConfigError';
import { loadExecutionConfig, parseExecutionConfig } from './executionConfig';
import { plannerSchema, simulatorSchema, timeMachineSchema } from './simulatorSchema';

const configFile = (name: string) => fileURLToPath(new URL(`../../configs/execution/${name}.yaml`, import.meta.url));

describe('configs/execution', () => {
  it('backtest.yaml: simulator block written out equals the schema defaults exactly', () => {
    const raw = parseDocument(readFileSync(configFile('backtest'), 'utf8')).toJS() as { simulator: unknown };
    expect(simulatorSchema.parse(raw.simulator)).toEqual(simulatorSchema.parse({}));
    // Every default key is written out, not left to the schema.
    expect(Object.keys(raw.simulator as object).sort()).toEqual(Object.keys(simulatorSchema.parse({})).sort());
  });

  it('backtest.yaml loads without a broker and with risk limits off', () => {
    const config = loadExecutionConfig(configFile('backtest'));
    expect(config.mode).toBe('BACKTEST');
    expect(config.broker).toBeUndefined();
    expect(config.planner).toEqual(plannerSchema.parse({}));
    expect(config.time_machine).toEqual(timeMachineSchema.parse({}));
    expect(config.order_defaults).toEqual({ time_in_force: 'DAY', order_type: 'MARKET' });
    expect(config.risk_checks.max_order_size_usd).toBeNull();
    expect(config.risk_checks.allowed_symbols).toEqual([]);
  });

  it('paper.yaml and live.yaml point at the TWS paper and live ports', () => {
    const paper = loadExecutionConfig(configFile('paper'));
    const live = loadExecutionConfig(configFile('live'));
    expect(paper.mode).toBe('PAPER');
    expect(paper.broker).toEqual({ host: '127.0.0.1', port: 7497, client_id: 1 });
    expect(live.mode).toBe('LIVE');
    expect(live.broker).toMatchObject({ port: 7496 });
    for (const config of [paper, live]) {
      expect(config.risk_checks.price_band_pct).toBeGreaterThan(0);
      expect(config.risk_checks.circuit_breaker).toEqual({ max_rejections: 5, window_seconds: 300 });
    }
  });

  it('requires a broker outside backtests and names every bad key', () => {
    let error: unknown;
    try {
      parseExecutionConfig(
        { mode: 'LIVE', order_defaults: { time_in_force: 'NEVER' }, risk_checks: { price_band: 0.1 } },
        'live.yaml',
      );
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message.split('\n')).toEqual([
      'live.yaml: order_defaults.time_in_force: expected one of "DAY" | "GTC" | "IOC" | "FOK" | "AT_OPEN" | "AT_CLOSE", got "NEVER"',
      expect.stringMatching(/^live\.yaml: risk_checks\.price_band: unknown key \(allowed: allowed_symbols, /),
    ]);
  });

  it('reports a missing broker in PAPER mode', () => {
    expect(() => parseExecutionConfig({ mode: 'PAPER' }, 'paper.yaml')).toThrow(
      'paper.yaml: broker: is required in PAPER mode',
    );
  });

  it('reports a missing file clearly', () => {
    expect(() => loadExecutionConfig('/nonexistent/x.yaml')).toThrow(/\/nonexistent\/x\.yaml: cannot read file/);
  });
});
