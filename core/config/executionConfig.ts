import { executionConfigSchema, type ExecutionConfig } from './executionConfigSchema';
import { readYamlFile } from './readYaml';
import { validate } from './validate';

/** Loads configs/execution/{backtest,paper,live}.yaml (or any file of that shape). */
export function loadExecutionConfig(file: string): ExecutionConfig {
  return validate(executionConfigSchema, readYamlFile(file), file);
}

/** Validates an already-parsed execution config (e.g. from the settings screen). */
export function parseExecutionConfig(obj: unknown, file: string): ExecutionConfig {
  return validate(executionConfigSchema, obj, file);
}
