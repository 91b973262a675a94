import { humanize, type FieldModel } from './fieldModel';

/** A JSON Schema node as zod's z.toJSONSchema writes it (draft 2020-12); only what the form reads. */
interface SchemaNode {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  multipleOf?: number;
  items?: unknown;
  properties?: Record<string, unknown>;
  required?: string[];
  anyOf?: unknown[];
  oneOf?: unknown[];
}

const asNode = (v: unknown): SchemaNode => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as SchemaNode) : {});

/** Bounds beyond the safe integers are zod's int() range, not a real limit worth showing. */
const bound = (v: number | undefined): number | undefined =>
  typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < Number.MAX_SAFE_INTEGER ? v : undefined;

function typesOf(node: SchemaNode): string[] {
  if (Array.isArray(node.type)) return node.type;
  return node.type ? [node.type] : [];
}

/** `X | null` (anyOf/oneOf with a null branch, or type: [X, 'null']) reads as an optional X. */
function stripNull(node: SchemaNode): { node: SchemaNode; nullable: boolean } {
  const branches = node.anyOf ?? node.oneOf;
  if (branches) {
    const nonNull = branches.map(asNode).filter((b) => !typesOf(b).includes('null') || typesOf(b).length > 1);
    if (nonNull.length === 1 && nonNull.length < branches.length) {
      const { anyOf: _a, oneOf: _o, ...rest } = node;
      return { node: { ...rest, ...nonNull[0] }, nullable: true };
    }
  }
  const types = typesOf(node);
  if (types.includes('null') && types.length === 2) return { node: { ...node, type: types.find((t) => t !== 'null') }, nullable: true };
  return { node, nullable: false };
}

const isScalar = (v: unknown): v is string | number => typeof v === 'string' || typeof v === 'number';

/** One property's input; shapes the form cannot draw (objects, mixed unions) fall back to a JSON text field. */
export function fieldFromSchema(path: string, key: string, raw: unknown, required: boolean): FieldModel {
  const { node, nullable } = stripNull(asNode(raw));
  const base = {
    path,
    label: node.title ?? humanize(key),
    hint: node.description,
    required: required && !nullable,
    defaultValue: node.default,
  };
  const choices = node.enum ?? (node.const !== undefined ? [node.const] : undefined);
  if (choices && choices.every(isScalar)) {
    return { ...base, kind: 'select', options: choices.map((c) => ({ value: c, label: String(c) })) };
  }
  const [type] = typesOf(node);
  switch (type) {
    case 'integer':
    case 'number': {
      const exMin = bound(node.exclusiveMinimum);
      const exMax = bound(node.exclusiveMaximum);
      return {
        ...base,
        kind: 'number',
        integer: type === 'integer',
        min: bound(node.minimum) ?? exMin,
        minExclusive: bound(node.minimum) === undefined && exMin !== undefined,
        max: bound(node.maximum) ?? exMax,
        maxExclusive: bound(node.maximum) === undefined && exMax !== undefined,
        step: node.multipleOf ?? (type === 'integer' ? 1 : undefined),
      };
    }
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'string':
      return { ...base, kind: 'text' };
    case 'array':
      return typesOf(asNode(node.items)).includes('string') ? { ...base, kind: 'list' } : { ...base, kind: 'json' };
    default:
      return { ...base, kind: 'json' };
  }
}

/** The fields of an object schema (a strategy's params), in declaration order, under `basePath`. */
export function fieldsFromSchema(schema: unknown, basePath: string): FieldModel[] {
  const root = asNode(schema);
  const required = new Set(root.required ?? []);
  return Object.entries(root.properties ?? {}).map(([key, prop]) =>
    fieldFromSchema(basePath ? `${basePath}.${key}` : key, key, prop, required.has(key)),
  );
}
