/**
 * The article endpoints: one article with its date evidence, versions and near-duplicates; one
 * earlier version; and a word-level diff of two versions — the same store calls and the same
 * diffVersions as `marsad show` and `marsad diff --json`.
 */
import { basename } from 'node:path';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Article } from '../../extract/types.js';
import { diffVersions } from '../../pipeline/crawl/index.js';
import type { ArticleVersion, StoredArticle } from '../../store/index.js';
import type { ServeContext } from '../context.js';
import { badRequest, notFound } from '../errors.js';
import { ArticleIdParam, errorResponses } from '../schemas.js';
import { ArticleRecordSchema, DateEvidenceSchema, exampleRecord } from '../article-schema.js';

const iso = (ms: number): string => new Date(ms).toISOString();

const VersionParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(1_000_000)
  .openapi({ param: { name: 'version', in: 'path' }, example: 2, description: 'A version number (1 is the first fetch).' });

const TraceQuery = z
  .enum(['true', 'false'])
  .optional()
  .openapi({ param: { name: 'trace', in: 'query' }, description: "Include the extractor's decision trace (large)." });

export const VersionSummarySchema = z
  .object({ version: z.number().int().min(1), fetchedAt: z.string(), title: z.string().nullable(), contentHash: z.string().nullable(), wordCount: z.number().int().nonnegative() })
  .openapi('VersionSummary');

export const NearDuplicateSchema = z
  .object({ id: z.string(), title: z.string().nullable(), url: z.string(), site: z.string().nullable(), published: z.string().nullable() })
  .openapi('NearDuplicate');

export const ArticleDetailSchema = z
  .object({
    article: z.object({
      id: z.string(),
      url: z.string(),
      canonicalUrl: z.string(),
      host: z.string(),
      title: z.string().nullable(),
      version: z.number().int().min(1).openapi({ description: 'The latest version number.' }),
      firstSeenAt: z.string(),
      lastFetchedAt: z.string(),
      lastChangedAt: z.string(),
      dupGroup: z.string().nullable().openapi({ description: 'The near-duplicate group (the id of its first article), if any.' }),
      record: ArticleRecordSchema,
    }),
    dates: z.object({ published: DateEvidenceSchema.nullable(), modified: DateEvidenceSchema.nullable() }).openapi({ description: 'Where the published and modified dates were found.' }),
    versions: z.array(VersionSummarySchema),
    nearDuplicates: z.array(NearDuplicateSchema),
    warc: z
      .object({ file: z.string(), offset: z.number().int().nonnegative() })
      .nullable()
      .openapi({ description: "The newest WARC capture of the article's URL: the file's name in the crawl's --warc folder and the byte offset of its gzip member (readable on its own). Null when the crawl wrote no WARC." }),
  })
  .openapi('ArticleDetail');

const ArticleVersionSchema = z.object({ version: z.number().int().min(1), fetchedAt: z.string(), record: ArticleRecordSchema }).openapi('ArticleVersion');

export const WordChangeSchema = z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() }).openapi('WordChange');
export const ParagraphChangeSchema = z
  .union([
    z.object({ op: z.enum(['same', 'added', 'removed']), text: z.string() }),
    z.object({ op: z.literal('changed'), from: z.string(), to: z.string(), words: z.array(WordChangeSchema) }),
  ])
  .openapi('ParagraphChange', { description: 'A paragraph kept, added or removed (text), or changed (from, to and the word-level changes).' });

export const VersionDiffSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    from: z.object({ version: z.number().int(), fetchedAt: z.string() }),
    to: z.object({ version: z.number().int(), fetchedAt: z.string() }),
    title: z.object({ from: z.string().nullable(), to: z.string().nullable() }).nullable().openapi({ description: 'The title before and after, when it changed.' }),
    paragraphs: z.array(ParagraphChangeSchema),
    counts: z.object({ same: z.number().int(), added: z.number().int(), removed: z.number().int(), changed: z.number().int() }),
  })
  .openapi('VersionDiff');

const exampleDetail = {
  article: {
    id: '3f2a9c0d1e5b7a64',
    url: exampleRecord.url,
    canonicalUrl: exampleRecord.canonicalUrl,
    host: 'news.example',
    title: exampleRecord.title,
    version: 2,
    firstSeenAt: '2025-10-28T14:00:05.000Z',
    lastFetchedAt: '2025-10-29T08:00:11.000Z',
    lastChangedAt: '2025-10-29T08:00:11.000Z',
    dupGroup: null,
    record: exampleRecord,
  },
  dates: exampleRecord.extraction.dates,
  versions: [
    { version: 1, fetchedAt: '2025-10-28T14:00:05.000Z', title: 'توقيع الاتفاق', contentHash: '0f1e2d3c4b5a6978', wordCount: 7 },
    { version: 2, fetchedAt: '2025-10-29T08:00:11.000Z', title: exampleRecord.title, contentHash: exampleRecord.contentHash, wordCount: 9 },
  ],
  nearDuplicates: [{ id: '77aa01bc9d3e4f50', title: 'الطرفان يوقعان الاتفاق', url: 'https://other.example/2025/10/28/deal', site: 'other.example', published: '2025-10-28T17:05:00+03:00' }],
  warc: { file: 'marsad-20251028140000-00001.warc.gz', offset: 183_402 },
};

const exampleDiff = {
  id: '3f2a9c0d1e5b7a64',
  url: exampleRecord.canonicalUrl,
  from: { version: 1, fetchedAt: '2025-10-28T14:00:05.000Z' },
  to: { version: 2, fetchedAt: '2025-10-29T08:00:11.000Z' },
  title: { from: 'توقيع الاتفاق', to: exampleRecord.title },
  paragraphs: [
    {
      op: 'changed' as const,
      from: 'وقّع الطرفان الاتفاق صباح اليوم.',
      to: 'وقّع الطرفان الاتفاق صباح اليوم بعد مفاوضات استمرت شهرين.',
      words: [
        { op: 'same' as const, text: 'وقّع الطرفان الاتفاق صباح ' },
        { op: 'removed' as const, text: 'اليوم.' },
        { op: 'added' as const, text: 'اليوم بعد مفاوضات استمرت شهرين.' },
      ],
    },
    { op: 'added' as const, text: 'وأضاف المحررون فقرة ختامية جديدة عن الاتفاق' },
  ],
  counts: { same: 0, added: 1, removed: 0, changed: 1 },
};

const getArticle = createRoute({
  method: 'get',
  path: '/api/v1/articles/{id}',
  tags: ['articles'],
  summary: 'One article: its record, date evidence, versions and near-duplicates',
  description: 'The latest version of the article as stored. The record is data: its title and text are plain text, never markup, and must be shown as text.',
  request: { params: z.object({ id: ArticleIdParam }), query: z.object({ trace: TraceQuery }) },
  responses: {
    200: { description: 'The article.', content: { 'application/json': { schema: ArticleDetailSchema, example: exampleDetail } } },
    ...errorResponses,
  },
});

const getVersion = createRoute({
  method: 'get',
  path: '/api/v1/articles/{id}/versions/{version}',
  tags: ['articles'],
  summary: 'One stored version of an article',
  description: 'The record as it was at that fetch (versions are numbered from 1; a new one is stored when the title or body changes).',
  request: { params: z.object({ id: ArticleIdParam, version: VersionParam }), query: z.object({ trace: TraceQuery }) },
  responses: {
    200: { description: 'The version.', content: { 'application/json': { schema: ArticleVersionSchema, example: { version: 1, fetchedAt: '2025-10-28T14:00:05.000Z', record: exampleRecord } } } },
    ...errorResponses,
  },
});

const getDiff = createRoute({
  method: 'get',
  path: '/api/v1/articles/{id}/diff',
  tags: ['articles'],
  summary: 'What changed between two versions, by paragraph and word',
  description: 'The same diff as `marsad diff --json`. Without `from` and `to`, the last two versions; `from` alone compares it with the latest.',
  request: {
    params: z.object({ id: ArticleIdParam }),
    query: z.object({
      from: z.coerce.number().int().min(1).max(1_000_000).optional().openapi({ param: { name: 'from', in: 'query' }, example: 1, description: 'The older version (default: the one before `to`).' }),
      to: z.coerce.number().int().min(1).max(1_000_000).optional().openapi({ param: { name: 'to', in: 'query' }, example: 2, description: 'The newer version (default: the latest).' }),
    }),
  },
  responses: {
    200: { description: 'The differences.', content: { 'application/json': { schema: VersionDiffSchema, example: exampleDiff } } },
    ...errorResponses,
  },
});

/** The record as sent: the extraction trace only when asked for. */
function recordOut(record: Article, withTrace: boolean): Article | Omit<Article, 'extraction'> & { extraction: Omit<Article['extraction'], 'trace'> } {
  if (withTrace) return record;
  const { trace: _trace, ...extraction } = record.extraction;
  return { ...record, extraction };
}

async function articleOr404(ctx: ServeContext, id: string): Promise<StoredArticle> {
  const article = await ctx.store.getArticle(id);
  if (article === null) throw notFound(`no article with id ${id}`);
  return article;
}

function versionOr404(versions: ArticleVersion[], id: string, version: number): ArticleVersion {
  const found = versions.find((v) => v.version === version);
  if (found === undefined) throw notFound(`article ${id} has versions ${versions.map((v) => v.version).join(', ')}; no version ${version}`);
  return found;
}

export function registerArticleRoutes(app: OpenAPIHono, ctx: ServeContext): void {
  app.openapi(getArticle, async (c) => {
    const { id } = c.req.valid('param');
    const withTrace = c.req.valid('query').trace === 'true';
    const article = await articleOr404(ctx, id);
    const [versions, duplicateIds, warc] = await Promise.all([ctx.store.listVersions(id), ctx.store.nearDuplicates(id), ctx.store.warcCapture([article.url, article.canonicalUrl])]);
    const duplicates = (await Promise.all(duplicateIds.map((d) => ctx.store.getArticle(d)))).filter((d): d is StoredArticle => d !== null);
    return c.json(
      {
        article: {
          id: article.id,
          url: article.url,
          canonicalUrl: article.canonicalUrl,
          host: article.host,
          title: article.title,
          version: article.version,
          firstSeenAt: iso(article.firstSeenAt),
          lastFetchedAt: iso(article.lastFetchedAt),
          lastChangedAt: iso(article.lastChangedAt),
          dupGroup: article.dupGroup,
          record: recordOut(article.record, withTrace),
        },
        dates: article.record.extraction.dates ?? { published: null, modified: null },
        versions: versions.map((v) => ({ version: v.version, fetchedAt: iso(v.fetchedAt), title: v.title, contentHash: v.contentHash, wordCount: v.record.wordCount })),
        nearDuplicates: duplicates.map((d) => ({ id: d.id, title: d.title, url: d.canonicalUrl, site: d.record.site.name ?? d.host, published: d.record.published })),
        // Only the file's name: the server's folders are not the client's business (the crawl's --warc folder holds it).
        warc: warc === null ? null : { file: basename(warc.file), offset: warc.offset },
      },
      200,
    );
  });

  app.openapi(getVersion, async (c) => {
    const { id, version } = c.req.valid('param');
    const withTrace = c.req.valid('query').trace === 'true';
    await articleOr404(ctx, id);
    const found = versionOr404(await ctx.store.listVersions(id), id, version);
    return c.json({ version: found.version, fetchedAt: iso(found.fetchedAt), record: recordOut(found.record, withTrace) }, 200);
  });

  app.openapi(getDiff, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const article = await articleOr404(ctx, id);
    const versions = await ctx.store.listVersions(id);
    if (versions.length < 2 && query.from === undefined && query.to === undefined) throw badRequest(`article ${id} has only one version; nothing to compare`, 'ONE_VERSION');
    const to = query.to ?? versions.at(-1)!.version;
    const from = query.from ?? to - 1;
    const older = versionOr404(versions, id, from);
    const newer = versionOr404(versions, id, to);
    const diff = diffVersions(older.record, newer.record);
    return c.json({ id, url: article.canonicalUrl, from: { version: from, fetchedAt: iso(older.fetchedAt) }, to: { version: to, fetchedAt: iso(newer.fetchedAt) }, ...diff }, 200);
  });
}
