/**
 * One JSON record (a line of `marsad export`, or any object with id, title, text, language,
 * published) as the article story assignment reads. Pure: a record in, an article or a reason out.
 */
import type { StoryArticle } from './types.js';

const asText = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The outlet of a record: the export's `site.domain` (or name), a plain `site` string, or the URL's host. */
function siteOf(record: Record<string, unknown>): string | null {
  const site = record.site;
  if (typeof site === 'string') return site;
  if (site !== null && typeof site === 'object') {
    const { domain, name } = site as { domain?: unknown; name?: unknown };
    if (typeof domain === 'string' && domain !== '') return domain;
    if (typeof name === 'string' && name !== '') return name;
  }
  const url = asText(record.canonicalUrl) ?? asText(record.url);
  if (url !== null) {
    try {
      return new URL(url).hostname;
    } catch {
      return null;
    }
  }
  return null;
}

/** The article of a parsed JSON record, or a message saying why it cannot be one. */
export function storyArticleOf(value: unknown): StoryArticle | string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const record = value as Record<string, unknown>;
  const id = typeof record.id === 'number' ? String(record.id) : asText(record.id);
  if (id === null || id === '') return 'no "id"';
  return {
    id,
    title: asText(record.title),
    text: asText(record.text),
    description: asText(record.description),
    language: asText(record.language),
    published: asText(record.published),
    site: siteOf(record),
  };
}
