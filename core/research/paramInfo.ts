import type { ParamValue } from './where';

/** What a sweep needs to know of one strategy parameter, read from its params' JSON Schema. */
export interface ParamInfo {
  name: string;
  kind: 'integer' | 'number' | 'choice' | 'boolean' | 'string';
  /** The allowed values of a `choice` (an enum or a const). */
  choices: ParamValue[];
  /** Bounds as the schema states them; exclusive ones are flagged. */
  min: number | null;
  minExclusive: boolean;
  max: number | null;
  maxExclusive: boolean;
  default: ParamValue | null;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isValue = (v: unknown): v is ParamValue => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';
const numOr = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
/** zod writes an unbounded integer's maximum as MAX_SAFE_INTEGER: that is no bound a trader set. */
const bound = (v: unknown): number | null => {
  const n = numOr(v);
  return n === null || Math.abs(n) >= Number.MAX_SAFE_INTEGER ? null : n;
};

function infoOf(name: string, s: Json): ParamInfo {
  const choices = Array.isArray(s.enum) ? s.enum.filter(isValue) : isValue(s.const) ? [s.const] : [];
  const kind: ParamInfo['kind'] =
    choices.length > 0 ? 'choice' : s.type === 'integer' ? 'integer' : s.type === 'number' ? 'number' : s.type === 'boolean' ? 'boolean' : 'string';
  const exMin = bound(s.exclusiveMinimum);
  const exMax = bound(s.exclusiveMaximum);
  return {
    name,
    kind,
    choices: kind === 'boolean' ? [true, false] : choices,
    min: exMin ?? bound(s.minimum),
    minExclusive: exMin !== null,
    max: exMax ?? bound(s.maximum),
    maxExclusive: exMax !== null,
    default: isValue(s.default) ? s.default : null,
  };
}

/** The parameters of a strategy whose params schema (JSON Schema of an object) is `schema`, in its order. */
export function paramInfos(schema: Json): ParamInfo[] {
  const props = isObj(schema.properties) ? schema.properties : {};
  return Object.entries(props).flatMap(([name, s]) => (isObj(s) ? [infoOf(name, s)] : []));
}

/** Why `v` cannot be the parameter's value, or null when it can. */
export function valueProblem(info: ParamInfo, v: ParamValue): string | null {
  switch (info.kind) {
    case 'integer':
    case 'number': {
      if (typeof v !== 'number') return `${info.name} takes a number, not ${JSON.stringify(v)}`;
      if (info.kind === 'integer' && !Number.isInteger(v)) return `${info.name} takes an integer, not ${v}`;
      if (info.min !== null && (info.minExclusive ? v <= info.min : v < info.min)) return `${info.name} must be ${info.minExclusive ? '>' : '>='} ${info.min}, not ${v}`;
      if (info.max !== null && (info.maxExclusive ? v >= info.max : v > info.max)) return `${info.name} must be ${info.maxExclusive ? '<' : '<='} ${info.max}, not ${v}`;
      return null;
    }
    case 'choice':
    case 'boolean':
      return info.choices.includes(v) ? null : `${info.name} is one of ${info.choices.map((c) => JSON.stringify(c)).join(', ')}, not ${JSON.stringify(v)}`;
    case 'string':
      return typeof v === 'string' ? null : `${info.name} takes text, not ${JSON.stringify(v)}`;
  }
}
