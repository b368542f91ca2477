/**
 * Page metadata from the obvious sources (meta tags, <title>, <h1>, <html lang>).
 * The metadata issue replaces the internals with full structured-data, date and author
 * handling; the shape of `Metadata` is the contract the composer relies on.
 */
import type { Document, Element } from 'domhandler';
import type { DateEvidence, TraceEntry } from './types.js';
import { attr, elementsByTag, normalizedText } from './dom/query.js';

export interface Metadata {
  canonicalUrl: string | null;
  site: { name: string | null; domain: string | null };
  title: string | null;
  description: string | null;
  authors: string[];
  published: string | null;
  modified: string | null;
  dates: { published: DateEvidence | null; modified: DateEvidence | null };
  /** The language the markup declares (BCP 47), before checking it against the text. */
  declaredLanguage: string | null;
  declaredDirection: 'rtl' | 'ltr' | null;
  image: { url: string; caption: string | null } | null;
  section: string | null;
  tags: string[];
  /** Related-article links found outside the body (absolute URLs). */
  related: string[];
  /** JSON-LD / microdata articleBody, if any: evidence for the body, not truth. */
  structuredBody: string | null;
  trace: TraceEntry[];
}

export interface MetadataContext {
  url?: string;
  fetchedAt?: string;
}

function absolute(href: string | undefined, base: string | undefined): string | null {
  if (!href) return null;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return null;
  }
}

function metaContent(metas: Element[], ...keys: string[]): string | null {
  for (const key of keys) {
    for (const m of metas) {
      const name = (attr(m, 'property') ?? attr(m, 'name') ?? attr(m, 'itemprop') ?? '').toLowerCase();
      const content = attr(m, 'content');
      if (name === key && content && content.trim()) return content.trim();
    }
  }
  return null;
}

export function extractMetadata(doc: Document, context: MetadataContext): Metadata {
  const metas = elementsByTag(doc, 'meta');
  const links = elementsByTag(doc, 'link');
  const canonicalHref = links.find((l) => (attr(l, 'rel') ?? '').toLowerCase().split(/\s+/).includes('canonical'));
  const canonicalUrl = absolute(canonicalHref && attr(canonicalHref, 'href'), context.url) ?? absolute(metaContent(metas, 'og:url') ?? undefined, context.url);
  const h1 = elementsByTag(doc, 'h1')[0];
  const titleEl = elementsByTag(doc, 'title')[0];
  const title = metaContent(metas, 'og:title', 'twitter:title') ?? (h1 ? normalizedText(h1) : null) ?? (titleEl ? normalizedText(titleEl) : null);
  const html = elementsByTag(doc, 'html')[0];
  const lang = html ? attr(html, 'lang') ?? attr(html, 'xml:lang') ?? null : null;
  const dir = html ? (attr(html, 'dir') ?? '').toLowerCase() : '';
  const imageUrl = absolute(metaContent(metas, 'og:image', 'twitter:image') ?? undefined, context.url);
  const pageUrl = canonicalUrl ?? context.url;
  let domain: string | null = null;
  try {
    domain = pageUrl ? new URL(pageUrl).hostname.replace(/^www\./, '') : null;
  } catch {
    domain = null;
  }
  const published = metaContent(metas, 'article:published_time');
  const modified = metaContent(metas, 'article:modified_time');
  return {
    canonicalUrl,
    site: { name: metaContent(metas, 'og:site_name'), domain },
    title: title || null,
    description: metaContent(metas, 'description', 'og:description'),
    authors: [],
    published,
    modified,
    dates: { published: null, modified: null },
    declaredLanguage: lang ? lang.trim() : null,
    declaredDirection: dir === 'rtl' || dir === 'ltr' ? dir : null,
    image: imageUrl ? { url: imageUrl, caption: null } : null,
    section: metaContent(metas, 'article:section'),
    tags: [],
    related: [],
    structuredBody: null,
    trace: [],
  };
}

/** The language and direction of the article: markup, checked against the body's script. */
export function resolveLanguage(meta: Metadata, text: string): { language: string | null; direction: 'rtl' | 'ltr' | null } {
  const arabic = (text.match(/[\u0600-\u06ff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (arabic > latin && !(meta.declaredLanguage ?? '').toLowerCase().match(/^(ar|fa|ur|ps|ckb)/)) {
    return { language: 'ar', direction: 'rtl' };
  }
  const language = meta.declaredLanguage;
  const direction = meta.declaredDirection ?? (language ? (/^(ar|fa|he|ur|ps|ckb|yi)\b/i.test(language) ? 'rtl' : 'ltr') : null);
  return { language, direction };
}
