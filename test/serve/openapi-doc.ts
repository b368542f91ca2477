/**
 * Walking the API's OpenAPI document in tests: its operations, and request URLs built from it
 * (valid values for required parameters, the demo corpus's revised article for article ids),
 * so tests cover every endpoint the document lists, including ones added later.
 */
export type Json = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Json;
  example?: unknown;
}

export interface MediaType {
  schema?: Json;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

export interface Operation {
  tags?: string[];
  summary?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, MediaType> };
  responses: Record<string, { description?: string; content?: Record<string, MediaType> }>;
  security?: Record<string, string[]>[];
}

export interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json>; securitySchemes?: Record<string, Json> };
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];

export function operationsOf(doc: Document): { path: string; method: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).filter(([m]) => METHODS.includes(m)).map(([method, op]) => ({ path, method, op })));
}

/** A valid value for a parameter: the given article id for article paths, else the document's own example, else one its schema allows. */
export function valueFor(path: string, p: Parameter, articleId: string): string | undefined {
  if (p.in === 'path' && p.name === 'id' && path.startsWith('/api/v1/articles/')) return articleId;
  const schema = p.schema ?? {};
  const example = p.example ?? schema.example ?? (Array.isArray(schema.examples) ? schema.examples[0] : undefined) ?? schema.default;
  if (example !== undefined) return String(example);
  if (!p.required && p.in !== 'path') return undefined;
  if (Array.isArray(schema.enum)) return String(schema.enum[0]);
  if (schema.type === 'integer' || schema.type === 'number') return String(schema.minimum ?? 1);
  if (schema.type === 'boolean') return 'true';
  return 'اتفاق';
}

/**
 * The URL of an operation with its path parameters filled and its required query parameters
 * set; `override` replaces (or adds) one query parameter's raw value.
 */
export function urlFor(path: string, op: Operation, articleId: string, override?: { name: string; value: string }): string {
  let url = path;
  const query: string[] = [];
  for (const p of op.parameters ?? []) {
    if (p.in === 'path') {
      url = url.replace(`{${p.name}}`, encodeURIComponent(valueFor(path, p, articleId) ?? '1'));
    } else if (p.in === 'query' && p.name !== override?.name && p.required) {
      // Optional query parameters are left out: their defaults are part of what is tested.
      const value = valueFor(path, p, articleId);
      if (value !== undefined) query.push(`${encodeURIComponent(p.name)}=${encodeURIComponent(value)}`);
    }
  }
  if (override) query.push(`${encodeURIComponent(override.name)}=${override.value}`);
  return query.length > 0 ? `${url}?${query.join('&')}` : url;
}
