import { parse as parseYaml } from 'yaml';
import { ConfigError, type ConfigIssue } from './ConfigError';

type Container = Record<string, unknown> | unknown[];

/**
 * Applies `--set key.path=value` overrides to a parsed config, returning a copy. Values are parsed as
 * YAML (so `3` is a number and `long_only` a string); missing intermediate objects are created, but
 * the top-level key must be one of `topLevelKeys` so a typo cannot silently add a new section.
 */
export function applyOverrides(
  config: unknown,
  overrides: readonly string[],
  topLevelKeys: readonly string[],
  file: string,
): unknown {
  if (overrides.length === 0) return config;
  const root: Record<string, unknown> = isPlainObject(config) ? structuredClone(config) : {};
  const issues: ConfigIssue[] = [];
  for (const override of overrides) {
    const issue = applyOne(root, override, topLevelKeys);
    if (issue) issues.push(issue);
  }
  if (issues.length > 0) throw new ConfigError(file, issues);
  return root;
}

function applyOne(
  root: Record<string, unknown>,
  override: string,
  topLevelKeys: readonly string[],
): ConfigIssue | null {
  const eq = override.indexOf('=');
  const keyPath = eq < 0 ? override : override.slice(0, eq);
  const keys = keyPath.split('.');
  if (eq < 0 || keys.some((k) => k === '')) {
    return { path: keyPath, message: `--set "${override}": expected key.path=value` };
  }
  if (!topLevelKeys.includes(keys[0])) {
    return {
      path: keyPath,
      message: `--set "${override}": unknown top-level key "${keys[0]}" (allowed: ${topLevelKeys.join(', ')})`,
    };
  }
  let value: unknown;
  try {
    value = parseYaml(override.slice(eq + 1));
  } catch (err) {
    return { path: keyPath, message: `--set "${override}": value is not valid YAML: ${(err as Error).message}` };
  }
  let node: Container = root;
  for (let i = 0; i < keys.length; i++) {
    if (Array.isArray(node) && !/^\d+$/.test(keys[i])) {
      const at = keys.slice(0, i).join('.');
      return { path: keyPath, message: `--set "${override}": ${at} is a list, "${keys[i]}" is not an index` };
    }
    if (i === keys.length - 1) break;
    const next = getChild(node, keys[i]);
    if (next === undefined || next === null) {
      const created: Record<string, unknown> = {};
      setChild(node, keys[i], created);
      node = created;
    } else if (isPlainObject(next) || Array.isArray(next)) {
      node = next;
    } else {
      const at = keys.slice(0, i + 1).join('.');
      return { path: keyPath, message: `--set "${override}": ${at} is a ${typeof next}, not a section` };
    }
  }
  setChild(node, keys[keys.length - 1], value);
  return null;
}

function getChild(node: Container, key: string): unknown {
  return Array.isArray(node) ? node[Number(key)] : node[key];
}

function setChild(node: Container, key: string, value: unknown): void {
  if (Array.isArray(node)) node[Number(key)] = value;
  else node[key] = value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
