/**
 * Sources and crawl status: every host with its frontier counts, articles, last fetch and recent
 * errors (the numbers `marsad stats` and `marsad errors` show); and, with the token, adding a
 * source (its URL checked against the SSRF guard before anything is fetched), removing one, and
 * crawling one, with progress to poll.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { MarsadError } from '../../errors.js';
import { seedUrl } from '../../pipeline/crawl/index.js';
import type { HostStats, Store } from '../../store/index.js';
import { requireWriteToken } from '../auth.js';
import type { ServeContext } from '../context.js';
import { crawlJobs, CrawlJobs, type CrawlJob } from '../crawl-jobs.js';
import { ApiError, badRequest, notFound } from '../errors.js';
import { ErrorSchema, errorResponses, writeErrorResponses } from '../schemas.js';

const iso = (ms: number): string => new Date(ms).toISOString();

export const FetchErrorSchema = z
  .object({ status: z.number().int().nullable(), code: z.string().nullable(), error: z.string().nullable(), at: z.string() })
  .openapi('HostError', { description: 'A failed fetch: the HTTP status (null for a network failure), the error code and message, and when (ISO 8601).' });

export const HostSchema = z
  .object({
    host: z.string().openapi({ example: 'news.example' }),
    articles: z.number().int().nonnegative(),
    queued: z.number().int().nonnegative(),
    fetching: z.number().int().nonnegative(),
    fetched: z.number().int().nonnegative().openapi({ description: 'Frontier entries fetched (articles and listings).' }),
    failed: z.number().int().nonnegative(),
    blocked: z.number().int().nonnegative().openapi({ description: 'Disallowed by robots.txt.' }),
    skipped: z.number().int().nonnegative().openapi({ description: 'Out of scope or not HTML.' }),
    fetches: z.number().int().nonnegative().openapi({ description: 'Requests in the fetch log.' }),
    errors: z.number().int().nonnegative(),
    lastFetchAt: z.string().nullable(),
    lastError: FetchErrorSchema.nullable(),
    recentErrors: z.array(FetchErrorSchema.extend({ url: z.string() })).max(5),
  })
  .openapi('HostStatus');

export const SourceSchema = z
  .object({ id: z.number().int(), name: z.string(), hosts: z.array(z.string()), startUrls: z.array(z.string()), createdAt: z.string() })
  .openapi('Source');

export const CrawlSchema = z
  .object({
    id: z.string(),
    sourceId: z.number().int(),
    url: z.string(),
    state: z.enum(['queued', 'running', 'done', 'failed', 'stopped']),
    startedAt: z.string(),
    finishedAt: z.string().nullable(),
    fetched: z.number().int().nonnegative(),
    stored: z.number().int().nonnegative().openapi({ description: 'Articles stored, new or as a new version.' }),
    failed: z.number().int().nonnegative(),
    error: z.string().nullable(),
  })
  .openapi('Crawl');

const WorkerSchema = z
  .object({
    id: z.string().openapi({ example: 'box1-a' }),
    hostname: z.string().openapi({ description: 'The machine it runs on.' }),
    pid: z.number().int(),
    state: z.enum(['running', 'stopped', 'gone']).openapi({ description: 'gone: three heartbeats missed (killed, or cut off from the database); its leases come back to the others.' }),
    startedAt: z.string(),
    lastHeartbeat: z.string(),
    pagesFetched: z.number().int().nonnegative(),
    pagesPerSec: z.number().nonnegative().openapi({ description: 'Pages fetched per second over the last minute.' }),
    hosts: z.array(z.string()).openapi({ description: 'Hosts it was fetching from at its last heartbeat.' }),
  })
  .openapi('Worker');

export const SourcesSchema = z
  .object({
    writes: z.boolean().openapi({ description: 'Whether this server accepts writes (it was started with a token).' }),
    totals: z.object({
      articles: z.number().int().nonnegative(),
      hosts: z.number().int().nonnegative(),
      queued: z.number().int().nonnegative(),
      fetched: z.number().int().nonnegative(),
      failed: z.number().int().nonnegative(),
      blocked: z.number().int().nonnegative(),
      skipped: z.number().int().nonnegative(),
    }),
    hosts: z.array(HostSchema),
    sources: z.array(SourceSchema),
    crawls: z.array(CrawlSchema).openapi({ description: 'Crawls started through this server since it started, newest first.' }),
    workers: z.array(WorkerSchema).openapi({ description: 'The `marsad worker` processes sharing this store (PostgreSQL), running ones first; empty on SQLite.' }),
  })
  .openapi('Sources');

const AddSourceSchema = z
  .object({
    url: z.string().min(1).max(2048).openapi({ example: 'https://news.example/', description: 'An http(s) URL: the site or a start page. No user name or password.' }),
    crawl: z.boolean().default(true).openapi({ description: 'Start crawling it at once.' }),
    maxArticles: z.number().int().min(1).max(10_000).default(200).openapi({ description: 'Stop the crawl when the source holds this many articles.' }),
  })
  .openapi('AddSource');

const CrawlOptionsSchema = z
  .object({ maxArticles: z.number().int().min(1).max(10_000).default(200).openapi({ description: 'Stop when the source holds this many articles.' }) })
  .openapi('CrawlOptions');

const SourceIdParam = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).openapi({ param: { name: 'id', in: 'path' }, example: 1 });
const CrawlIdParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a crawl id is letters, digits, - and _ only')
  .openapi({ param: { name: 'id', in: 'path' }, example: '5e0c2a9f13b7d488' });

const exampleSource = { id: 4, name: 'news.example', hosts: ['news.example', 'www.news.example', 'm.news.example'], startUrls: ['https://news.example/'], createdAt: '2025-10-28T14:00:00.000Z' };
const exampleCrawl: CrawlJob = { id: '5e0c2a9f13b7d488', sourceId: 4, url: 'https://news.example/', state: 'running', startedAt: '2025-10-28T14:00:00.120Z', finishedAt: null, fetched: 37, stored: 21, failed: 1, error: null };
const exampleSources = {
  writes: true,
  totals: { articles: 21, hosts: 1, queued: 140, fetched: 36, failed: 1, blocked: 2, skipped: 0 },
  hosts: [
    {
      host: 'news.example',
      articles: 21,
      queued: 140,
      fetching: 1,
      fetched: 36,
      failed: 1,
      blocked: 2,
      skipped: 0,
      fetches: 39,
      errors: 1,
      lastFetchAt: '2025-10-28T14:01:10.004Z',
      lastError: { status: 404, code: 'FETCH_STATUS', error: '[GET] "https://news.example/gone": 404 Not Found', at: '2025-10-28T14:00:41.300Z' },
      recentErrors: [{ url: 'https://news.example/gone', status: 404, code: 'FETCH_STATUS', error: '[GET] "https://news.example/gone": 404 Not Found', at: '2025-10-28T14:00:41.300Z' }],
    },
  ],
  sources: [exampleSource],
  crawls: [exampleCrawl],
  workers: [
    { id: 'box1-a', hostname: 'box1', pid: 41873, state: 'running', startedAt: '2025-10-28T13:58:02.410Z', lastHeartbeat: '2025-10-28T14:01:10.112Z', pagesFetched: 1840, pagesPerSec: 3.9, hosts: ['news.example'] },
  ],
};

const json = (schema: z.ZodType, example: unknown, description: string) => ({ description, content: { 'application/json': { schema, example } } });
const conflict = { 409: { description: 'The source is being crawled already.', content: { 'application/json': { schema: ErrorSchema } } } };
const tooLarge = { 413: { description: 'The request body is larger than the server accepts.', content: { 'application/json': { schema: ErrorSchema } } } };

function writeRoute<R extends Parameters<typeof createRoute>[0]>(ctx: ServeContext, route: R): R {
  return { ...route, security: [{ bearer: [] }], middleware: [requireWriteToken(ctx)] };
}

async function hostStatus(store: Store, stats: HostStats, lastFetch: Map<string, number>) {
  const f = stats.frontier;
  const recent = await store.failures({ host: stats.host, limit: 5 });
  const last = lastFetch.get(stats.host);
  return {
    host: stats.host,
    articles: stats.articles,
    queued: f.queued ?? 0,
    fetching: f.fetching ?? 0,
    fetched: f.done ?? 0,
    failed: f.failed ?? 0,
    blocked: f.blocked ?? 0,
    skipped: f.skipped ?? 0,
    fetches: stats.fetches,
    errors: stats.errors,
    lastFetchAt: last === undefined ? null : iso(last),
    lastError: stats.lastError ? { status: stats.lastError.status, code: stats.lastError.code, error: stats.lastError.error, at: iso(stats.lastError.at) } : null,
    recentErrors: recent.map((r) => ({ url: r.url, status: r.status, code: r.code, error: r.error, at: iso(r.at) })),
  };
}

/** A URL someone else sent: its form first (a UsageError is a 400), then where it resolves. */
async function checkedSourceUrl(jobs: CrawlJobs, raw: string): Promise<string> {
  try {
    const url = (await jobs.guard.checkUrl(raw.trim())).href;
    return seedUrl(url);
  } catch (error) {
    if (error instanceof MarsadError) throw badRequest(error.message, error.code === 'USAGE' ? 'INVALID_URL' : error.code);
    const code = (error as { code?: unknown }).code;
    // A name that does not resolve is the caller's mistake (a typo), not the server's.
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'ENODATA') throw badRequest(`${raw} cannot be resolved (${String(code)})`, 'DNS_FAILED');
    throw error;
  }
}

export function registerSourceRoutes(app: OpenAPIHono, ctx: ServeContext): void {
  const jobs = crawlJobs(ctx);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/sources',
      tags: ['sources'],
      summary: 'Hosts with their crawl status, sources, and crawls started here',
      description: 'Per host: articles, frontier counts by state, fetches and errors, the last fetch, and up to five recent failures (as `marsad errors` lists them).',
      responses: { 200: json(SourcesSchema, exampleSources, 'The crawl status of every host.'), ...errorResponses },
    }),
    async (c) => {
      const [stats, lastFetch, sources, workers] = await Promise.all([ctx.store.stats(), ctx.store.lastFetchByHost(), ctx.store.listSources(), ctx.store.workers()]);
      const hosts = await Promise.all(stats.hosts.map((h) => hostStatus(ctx.store, h, lastFetch)));
      const fr = stats.frontier;
      return c.json(
        {
          writes: ctx.token !== null,
          totals: { articles: stats.articles, hosts: hosts.length, queued: fr.queued, fetched: fr.done, failed: fr.failed, blocked: fr.blocked, skipped: fr.skipped },
          hosts,
          sources: sources.map((s) => ({ id: s.id, name: s.name, hosts: s.hosts, startUrls: s.startUrls, createdAt: s.createdAt })),
          crawls: jobs.list(),
          workers: workers.map((w) => ({ ...w, startedAt: iso(w.startedAt), lastHeartbeat: iso(w.lastHeartbeat) })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute(
      writeRoute(ctx, {
        method: 'post',
        path: '/api/v1/sources',
        tags: ['sources'],
        summary: 'Add a source (and crawl it)',
        description:
          'Needs the bearer token. The URL must be http(s) without credentials, and every address its host resolves to must be public: loopback, private, link-local (cloud metadata), unspecified, multicast and carrier-grade NAT addresses are refused with 400 ADDRESS_NOT_ALLOWED unless the server was started with --allow-private. The crawl checks every connection again, redirects included.',
        request: { body: { required: true, content: { 'application/json': { schema: AddSourceSchema, example: { url: 'https://news.example/', crawl: true, maxArticles: 200 } } } } },
        responses: {
          201: json(z.object({ source: SourceSchema, crawl: CrawlSchema.nullable() }).openapi('SourceAdded'), { source: exampleSource, crawl: { ...exampleCrawl, state: 'queued', fetched: 0, stored: 0, failed: 0 } }, 'The source, and its crawl when one was started.'),
          ...writeErrorResponses,
          ...conflict,
          ...tooLarge,
        },
      }),
    ),
    async (c) => {
      const body = c.req.valid('json');
      const url = await checkedSourceUrl(jobs, body.url);
      const source = await ctx.store.upsertSource(CrawlJobs.sourceFor(url));
      const crawl = body.crawl ? jobs.start(source, { maxArticles: body.maxArticles }) : null;
      return c.json({ source: { id: source.id, name: source.name, hosts: source.hosts, startUrls: source.startUrls, createdAt: source.createdAt }, crawl }, 201);
    },
  );

  app.openapi(
    createRoute(
      writeRoute(ctx, {
        method: 'delete',
        path: '/api/v1/sources/{id}',
        tags: ['sources'],
        summary: 'Remove a source',
        description: 'Needs the bearer token. Removes the source only: its articles and frontier stay in the store (they are the corpus), no longer attached to a source. 409 while it is being crawled.',
        request: { params: z.object({ id: SourceIdParam }) },
        responses: { 204: { description: 'Removed.' }, ...writeErrorResponses, ...conflict },
      }),
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      if (jobs.isRunning(id)) throw new ApiError(409, 'CRAWL_RUNNING', `source ${id} is being crawled; wait for the crawl to end`);
      if (!(await ctx.store.removeSource(id))) throw notFound(`no source with id ${id}`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute(
      writeRoute(ctx, {
        method: 'post',
        path: '/api/v1/sources/{id}/crawl',
        tags: ['sources'],
        summary: 'Crawl a source',
        description: 'Needs the bearer token. Starts a crawl from the source’s start URL and returns at once; poll GET /api/v1/crawls/{id} for progress. One crawl per source at a time (409).',
        request: { params: z.object({ id: SourceIdParam }), body: { required: false, content: { 'application/json': { schema: CrawlOptionsSchema, example: { maxArticles: 200 } } } } },
        responses: { 202: json(z.object({ crawl: CrawlSchema }).openapi('CrawlStarted'), { crawl: { ...exampleCrawl, state: 'queued', fetched: 0, stored: 0, failed: 0 } }, 'The crawl started.'), ...writeErrorResponses, ...conflict, ...tooLarge },
      }),
    ),
    async (c) => {
      const { id } = c.req.valid('param');
      const options = (c.req.valid('json') as { maxArticles?: number } | undefined) ?? {};
      const source = (await ctx.store.listSources()).find((s) => s.id === id);
      if (source === undefined) throw notFound(`no source with id ${id}`);
      // The start URL may have been added by the CLI, unchecked: a crawl started here is held to the API's rules.
      await checkedSourceUrl(jobs, source.startUrls[0] ?? '');
      return c.json({ crawl: jobs.start(source, { maxArticles: options.maxArticles ?? 200 }) }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/crawls/{id}',
      tags: ['sources'],
      summary: 'A crawl’s progress',
      description: 'Crawls started through this server since it started. Poll until `state` is done, failed or stopped.',
      request: { params: z.object({ id: CrawlIdParam }) },
      responses: { 200: json(CrawlSchema, exampleCrawl, 'The crawl.'), ...errorResponses },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const job = jobs.get(id);
      if (job === undefined) throw notFound(`no crawl with id ${id} (crawls are kept while the server runs)`);
      return c.json(job, 200);
    },
  );
}
