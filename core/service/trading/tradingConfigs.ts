import path from 'node:path';
import { ConfigError } from '../../config/ConfigError';
import { loadExecutionConfig } from '../../config/executionConfig';
import type { ExecutionConfig } from '../../config/executionConfigSchema';
import type { TradingMode } from '../../ipc/contract/trading';

/** paper.yaml and live.yaml from a folder such as configs/execution, each checked to declare its own mode. */
export function loadTradingConfigs(dir: string): Record<TradingMode, ExecutionConfig> {
  const load = (mode: TradingMode): ExecutionConfig => {
    const file = path.join(dir, `${mode.toLowerCase()}.yaml`);
    const config = loadExecutionConfig(file);
    if (config.mode !== mode) throw new ConfigError(file, [{ path: 'mode', message: `expected ${mode}, got ${config.mode}` }]);
    return config;
  };
  return { PAPER: load('PAPER'), LIVE: load('LIVE') };
}
