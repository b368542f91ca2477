/**
 * The OpenAPI document: valid OpenAPI 3.1; every operation documented with a success response
 * and its schema; every example valid against its schema (JSON Schema 2020-12, ajv); and every
 * GET endpoint, called on the demo corpus with parameters taken from the document, answers with
 * a body its declared schema accepts. The document is walked, not a list of routes, so endpoints
 * added later are held to the same rules.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCorpus, type DemoCorpus } from './demo-corpus.js';
import { serveStore, type TestServer } from './api-helpers.js';
import { operationsOf, urlFor, type Document, type Json, type MediaType } from './openapi-doc.js';

/** GET endpoints whose ids the demo corpus cannot supply (crawls exist only once started): a declared 404 is their valid answer. */
const IDS_NOT_IN_CORPUS = ['/api/v1/crawls/{id}'];

let corpus: DemoCorpus;
let server: TestServer;
let doc: Document;
let ajv: Ajv2020;


/** Local refs (#/components/schemas/X) made to point into the document registered with ajv. */
function withDocRefs<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replace(/"\$ref":"#\//g, '"$ref":"openapi.json#/')) as T;
}

const compiled = new Map<Json, ValidateFunction>();
function validatorFor(schema: Json): ValidateFunction {
  let fn = compiled.get(schema);
  if (fn === undefined) compiled.set(schema, (fn = ajv.compile(withDocRefs(schema))));
  return fn;
}

function check(schema: Json, value: unknown, where: string): void {
  const validate = validatorFor(schema);
  const ok = validate(value);
  expect(ok, `${where}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true);
}



beforeAll(async () => {
  corpus = await demoCorpus();
  server = await serveStore(corpus.db);
  doc = (await (await server.get('/api/v1/openapi.json')).json()) as Document;
  ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
  // The whole document as one schema resource, so $refs into components resolve.
  ajv.addSchema({ $id: 'openapi.json', components: withDocRefs(doc.components ?? {}) });
}, 300_000);
afterAll(async () => server?.close());

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    const validator = new Validator({ strict: false });
    const result = await validator.validate(structuredClone(doc) as unknown as Json);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every operation: tags, summary, a success response with a schema, error responses', () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThanOrEqual(8);
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.tags?.length, where).toBeGreaterThan(0);
      expect(op.summary, where).toBeTruthy();
      const success = Object.keys(op.responses).filter((s) => /^2\d\d$/.test(s));
      expect(success, where).not.toEqual([]);
      for (const status of success) {
        if (status === '204') continue; // no content by definition
        const content = Object.entries(op.responses[status]!.content ?? {});
        expect(content.length, `${where} ${status} has content`).toBeGreaterThan(0);
        for (const [type, media] of content) expect(media.schema, `${where} ${status} ${type} has a schema`).toBeDefined();
      }
      for (const [status, response] of Object.entries(op.responses)) {
        if (!/^[45]\d\d$/.test(status)) continue;
        expect(response.content?.['application/json']?.schema, `${where} ${status} is a JSON error`).toBeDefined();
      }
    }
  });

  it('declares the bearer token on every write', () => {
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const writes = operationsOf(doc).filter(({ path, method }) => method !== 'get' && (path.startsWith('/api/v1/sources') || path.startsWith('/api/v1/crawls')));
    expect(writes.length).toBeGreaterThanOrEqual(3);
    for (const { path, method, op } of writes) {
      expect(op.security, `${method} ${path}`).toEqual([{ bearer: [] }]);
      for (const status of ['401', '403']) expect(op.responses[status], `${method} ${path} ${status}`).toBeDefined();
    }
  });

  it('has examples that validate against their schemas', () => {
    let examples = 0;
    for (const { path, method, op } of operationsOf(doc)) {
      const where = `${method.toUpperCase()} ${path}`;
      const media: [string, MediaType][] = [
        ...Object.entries(op.responses).flatMap(([status, r]) => Object.entries(r.content ?? {}).map(([type, m]): [string, MediaType] => [`${where} ${status} ${type}`, m])),
        ...Object.entries(op.requestBody?.content ?? {}).map(([type, m]): [string, MediaType] => [`${where} request ${type}`, m]),
      ];
      for (const [label, m] of media) {
        if (m.schema === undefined) continue;
        const values = [...(m.example !== undefined ? [m.example] : []), ...Object.values(m.examples ?? {}).flatMap((e) => (e.value !== undefined ? [e.value] : []))];
        for (const value of values) {
          check(m.schema, value, `${label} example`);
          examples++;
        }
      }
      for (const p of op.parameters ?? []) {
        const example = p.example ?? p.schema?.example;
        // A parameter's schema describes the parsed value (a number for a version), as its example is written.
        if (example !== undefined && p.schema !== undefined) check(p.schema, example, `${where} parameter ${p.name} example`);
      }
    }
    // Every success response with JSON content carries an example.
    for (const { path, method, op } of operationsOf(doc)) {
      for (const [status, r] of Object.entries(op.responses)) {
        const jsonMedia = r.content?.['application/json'];
        if (/^2\d\d$/.test(status) && jsonMedia) expect(jsonMedia.example ?? jsonMedia.examples, `${method.toUpperCase()} ${path} ${status} has an example`).toBeDefined();
      }
    }
    expect(examples).toBeGreaterThanOrEqual(8);
  });

  it('really checks: a wrong body fails its schema, through the $refs', () => {
    const detail = doc.paths['/api/v1/articles/{id}']!.get!.responses['200']!.content!['application/json']!.schema!;
    expect(validatorFor(detail)({ article: { id: 1 } })).toBe(false);
    const example = doc.paths['/api/v1/articles/{id}']!.get!.responses['200']!.content!['application/json']!.example as { article: { record: Json } };
    expect(validatorFor(detail)({ ...example, article: { ...example.article, record: { ...example.article.record, direction: 'up' } } })).toBe(false);
  });

  it('answers every GET endpoint on the demo corpus with a body its schema accepts', async () => {
    const gets = operationsOf(doc).filter((o) => o.method === 'get');
    for (const { path, op } of gets) {
      const url = urlFor(path, op, corpus.revisedId);
      const res = await server.get(url);
      const status = String(res.status);
      const declared = op.responses[status];
      expect(declared, `GET ${url} answered ${status}, which the document does not declare`).toBeDefined();
      if (!IDS_NOT_IN_CORPUS.includes(path)) expect(res.status, `GET ${url}`).toBeLessThan(300);
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
      const media = declared!.content?.[type];
      expect(media, `GET ${url}: content type ${type} is declared`).toBeDefined();
      if (type === 'application/json') check(media!.schema!, await res.json(), `GET ${url} (${status})`);
      else await res.arrayBuffer();
    }
    expect(server.errors).toEqual([]);
  });
});
