/**
 * The article record as the API returns it: the same fields the store keeps (extract/types.ts),
 * described once in zod so the OpenAPI document and the response checks agree with the record.
 * The extraction trace is optional here: it is large and internal, and sent only on request.
 */
import { z } from '@hono/zod-openapi';

export const DateEvidenceSchema = z
  .object({
    value: z.string().openapi({ description: 'The date as ISO 8601, with the offset the page stated.', example: '2025-10-28T16:32:00+00:00' }),
    raw: z.string().openapi({ description: 'The text the date was read from.', example: '16:32 GMT 28.10.2025' }),
    source: z.enum(['json-ld', 'microdata', 'meta', 'time', 'url', 'text', 'script', 'page', 'feed', 'sitemap']),
    confidence: z.number().min(0).max(1),
  })
  .openapi('DateEvidence');

const TraceEntrySchema = z.object({ step: z.string(), reason: z.string(), where: z.string().optional(), text: z.string().optional() });

export const ArticleRecordSchema = z
  .object({
    url: z.string().nullable(),
    canonicalUrl: z.string().nullable(),
    id: z.string().nullable(),
    site: z.object({ name: z.string().nullable(), domain: z.string().nullable() }),
    title: z.string().nullable(),
    description: z.string().nullable(),
    authors: z.array(z.string()),
    published: z.string().nullable().openapi({ description: 'ISO 8601 with the offset the page stated.' }),
    modified: z.string().nullable(),
    language: z.string().nullable().openapi({ description: 'BCP 47.', example: 'ar' }),
    direction: z.enum(['rtl', 'ltr']).nullable(),
    image: z.object({ url: z.string(), caption: z.string().nullable() }).nullable(),
    section: z.string().nullable(),
    tags: z.array(z.string()),
    blocks: z.array(z.object({ type: z.enum(['lead', 'paragraph', 'heading', 'quote', 'list-item', 'table', 'caption']), text: z.string() })),
    text: z.string().openapi({ description: 'The body as plain text, paragraphs separated by a blank line. Text, never markup.' }),
    links: z.object({ inBody: z.array(z.string()), related: z.array(z.string()) }),
    wordCount: z.number().int().nonnegative(),
    contentHash: z.string().nullable(),
    extraction: z.object({
      method: z.string(),
      confidence: z.number(),
      trace: z.array(TraceEntrySchema).optional().openapi({ description: 'How the extractor decided; only with ?trace=true.' }),
      dates: z.object({ published: DateEvidenceSchema.nullable(), modified: DateEvidenceSchema.nullable() }).optional(),
      emptyReason: z.string().optional(),
    }),
  })
  .openapi('ArticleRecord', { description: 'One article as extracted and stored (the record `marsad extract --format json` prints).' });

/** An example record for the OpenAPI document: an Arabic article, as the demo corpus holds them. */
export const exampleRecord = {
  url: 'https://news.example/ar/2025/10/28/agreement',
  canonicalUrl: 'https://news.example/ar/2025/10/28/agreement',
  id: '3f2a9c0d1e5b7a64',
  site: { name: 'أخبار المثال', domain: 'news.example' },
  title: 'توقيع الاتفاق بعد مفاوضات طويلة',
  description: 'وقّع الطرفان الاتفاق صباح اليوم.',
  authors: ['سارة أحمد'],
  published: '2025-10-28T16:32:00+03:00',
  modified: '2025-10-28T16:46:00+03:00',
  language: 'ar',
  direction: 'rtl' as const,
  image: { url: 'https://news.example/img/agreement.jpg', caption: 'الوفدان بعد التوقيع' },
  section: 'سياسة',
  tags: ['اتفاق'],
  blocks: [{ type: 'paragraph' as const, text: 'وقّع الطرفان الاتفاق صباح اليوم بعد مفاوضات استمرت شهرين.' }],
  text: 'وقّع الطرفان الاتفاق صباح اليوم بعد مفاوضات استمرت شهرين.',
  links: { inBody: [], related: ['https://news.example/ar/2025/10/27/talks'] },
  wordCount: 9,
  contentHash: 'a1b2c3d4e5f60718',
  extraction: {
    method: 'dom',
    confidence: 0.92,
    dates: {
      published: { value: '2025-10-28T16:32:00+03:00', raw: '2025-10-28T16:32:00+03:00', source: 'json-ld' as const, confidence: 0.95 },
      modified: { value: '2025-10-28T16:46:00+03:00', raw: 'تم التحديث: 16:46 28.10.2025', source: 'text' as const, confidence: 0.8 },
    },
  },
};
