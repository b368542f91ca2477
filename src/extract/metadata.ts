/**
 * Page metadata from the intact tree, in one walk (structured/scan.ts) plus a few bounded
 * reads: structured data first (JSON-LD, microdata, OpenGraph and other meta), then the
 * visible page (headline, date lines, bylines, breadcrumbs, tag and related boxes), then
 * the URL. Every date carries its provenance; the trace says where each field came from.
 */
import type { Document, Element } from 'domhandler';
import type { DateEvidence, TraceEntry } from './types.js';
import { scanPage } from './structured/scan.js';
import { firstMeta, indexMetas } from './structured/meta-tags.js';
import { firstString, isJsonObject, readJsonLd, stringsOf, typesOf, type JsonLdData } from './structured/json-ld.js';
import { readMicrodata } from './structured/microdata.js';
import { boundedText } from './structured/text.js';
import { findArticleDates } from './dates/find-dates.js';
import { chooseTitle } from './fields/title.js';
import { chooseAuthors } from './fields/authors.js';
import { jsonLdCredits } from './fields/structured-credits.js';
import { bylineLines, datelineAgency, visibleBylineCredits } from './fields/visible-byline.js';
import { detectLanguage, normalizeLanguageTag } from './fields/language.js';
import { absoluteUrl, canonicalFromLinks, findCaption, imageLinkFromLinks, labelledRelatedBoxes, relatedLinks } from './fields/links.js';
import { breadcrumbTexts, sectionFromBreadcrumb, splitKeywords, tagLinkTexts, uniqueTags } from './fields/taxonomy.js';

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
  /**
   * The headline element the title was read from, then the page's other <h1>s: the body stage
   * finds the lead after the first of them that survives pruning.
   */
  headlines: Element[];
  trace: TraceEntry[];
}

export interface MetadataContext {
  url?: string;
  fetchedAt?: string;
}

function domainOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/** Publisher and WebSite names from JSON-LD. */
function structuredSiteName(ld: JsonLdData): string | null {
  if (ld.article) {
    const publisher = firstString(ld.article.publisher, ld.byId);
    if (publisher) return publisher;
  }
  const site = ld.nodes.find((n) => typesOf(n).some((t) => /^(WebSite|NewsMediaOrganization)$/i.test(t)));
  return site ? firstString(site.name, ld.byId) : null;
}

/** A description without the " 28.10.2025, Site" tail some sites append. */
function cleanDescription(text: string | null, siteNames: string[]): string | null {
  if (!text) return null;
  let out = text.replace(/\s+/g, ' ').trim();
  for (const name of siteNames) {
    if (!name) continue;
    const at = out.lastIndexOf(name);
    if (at > 0 && at + name.length >= out.length - 1) {
      out = out.slice(0, at).replace(/[\s,،|–—-]*(\d{1,4}[./-]\d{1,2}[./-]\d{1,4})?[\s,،|–—-]*$/u, '').trim();
    }
  }
  return out || null;
}

export function extractMetadata(doc: Document, context: MetadataContext): Metadata {
  const trace: TraceEntry[] = [];
  const scan = scanPage(doc);
  const metas = indexMetas(scan.metas);
  const base = context.url;
  const linkCanonical = canonicalFromLinks(scan.links, base);
  const ld = readJsonLd(scan.jsonLd, [base, linkCanonical].filter((u): u is string => !!u));
  const micro = readMicrodata(scan);
  const art = ld.article;
  const md = (prop: string): string | null => micro.get(prop)?.find((v) => !v.offside)?.value ?? null;
  const canonicalUrl = linkCanonical ?? absoluteUrl(firstMeta(metas, 'og:url'), base) ?? (art && !ld.articleIsPage ? absoluteUrl(firstString(art.url, ld.byId), base) : null);

  const ogSite = firstMeta(metas, 'og:site_name');
  const publisher = structuredSiteName(ld);
  const appName = firstMeta(metas, 'application-name', 'apple-mobile-web-app-title');
  const domain = domainOf(canonicalUrl ?? base);
  const knownSites = [ogSite, publisher, appName, domain, domain?.split('.')[0]].filter((s): s is string => !!s);
  const documentTitle = scan.title ? boundedText(scan.title, 600) : null;
  const titled = chooseTitle({
    h1s: scan.h1s,
    h2s: scan.labels.filter((l) => l.el.name === 'h2'),
    microdataHeadlineElement: micro.get('headline')?.find((v) => !v.offside && !v.el.attribs.content) ?? null,
    ogTitle: firstMeta(metas, 'og:title', 'twitter:title'),
    jsonLdHeadline: art ? firstString(art.headline, ld.byId) ?? (ld.articleIsPage ? null : firstString(art.name, ld.byId)) : null,
    microdataHeadline: md('headline'),
    documentTitle,
    siteNames: knownSites,
  });
  trace.push({ step: 'meta.title', reason: `from ${titled.source}`, text: titled.title?.slice(0, 80) });
  const siteName = ogSite ?? publisher ?? appName ?? titled.suffixSite ?? null;
  const siteNames = [siteName, ...knownSites].filter((s): s is string => !!s);

  const description = cleanDescription(firstMeta(metas, 'og:description', 'description', 'twitter:description') ?? (art ? firstString(art.description, ld.byId) : null) ?? md('description'), siteNames);

  // Authors: each source in trust order; the first that credits people, agencies or a desk answers (fields/authors.ts).
  const authorSources = ['json-ld', 'microdata', 'meta', 'byline', 'byline line', 'dateline'];
  const chosenAuthors = chooseAuthors([
    () => (art ? [...jsonLdCredits(art.author, ld.byId), ...jsonLdCredits(art.creator, ld.byId)] : []),
    () => (micro.get('author') ?? []).filter((v) => !v.offside && !v.hidden).map((v) => v.value),
    () => ['author', 'article:author', 'og:article:author', 'parsely-author', 'sailthru.author', 'dc.creator', 'dcterms.creator', 'byl', 'twitter:creator:name'].flatMap((k) => metas.get(k) ?? []),
    () => visibleBylineCredits([...scan.relLinks.filter((r) => r.rel.includes('author')), ...scan.authorHints], titled.anchor?.order ?? null, siteNames),
    () => bylineLines(scan.nearHeadline, siteNames),
    () => datelineAgency(scan.nearHeadline),
  ], siteNames);
  const authors = chosenAuthors.authors;
  if (authors.length > 0) trace.push({ step: 'meta.authors', reason: `from ${authorSources[chosenAuthors.source]}`, text: authors.join(', ') });

  const html = scan.html;
  const declaredLanguage = normalizeLanguageTag(
    (html && (html.attribs.lang ?? html.attribs['xml:lang'])) || firstMeta(metas, 'content-language', 'language', 'dc.language') || firstMeta(metas, 'og:locale') || (art ? firstString(art.inLanguage, ld.byId) : null),
  );
  const dir = (html?.attribs.dir ?? '').toLowerCase();
  const declaredDirection = dir === 'rtl' || dir === 'ltr' ? dir : null;

  const dates = findArticleDates({
    scan, metas, jsonLd: ld, microdata: micro, url: canonicalUrl && domainOf(canonicalUrl) === domainOf(base) ? canonicalUrl : base ?? canonicalUrl ?? undefined,
    fetchedAt: context.fetchedAt, anchorOrder: titled.anchor?.order ?? 0, anchorElement: titled.anchor?.el ?? null, monthFirst: /^en-US$/i.test(declaredLanguage ?? ''),
  });
  trace.push(...dates.trace);

  let imageUrl = absoluteUrl(firstMeta(metas, 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:image:src'), base);
  let caption: string | null = null;
  if (art) {
    const image = Array.isArray(art.image) ? art.image[0] : art.image;
    if (isJsonObject(image)) caption = firstString(image.caption, ld.byId, ['text', 'name']);
    imageUrl ??= absoluteUrl(firstString(art.image, ld.byId, ['url', 'contentUrl', '@id']), base);
  }
  imageUrl ??= absoluteUrl(md('image'), base) ?? imageLinkFromLinks(scan.links, base);
  caption ??= findCaption(scan.figures, imageUrl, titled.anchor?.order ?? 0);

  const breadcrumbList = ld.nodes.find((n) => typesOf(n).includes('BreadcrumbList'));
  const ldCrumbs = breadcrumbList && Array.isArray(breadcrumbList.itemListElement)
    ? breadcrumbList.itemListElement.filter(isJsonObject).sort((a, b) => Number(a.position ?? 0) - Number(b.position ?? 0)).map((i) => firstString(i.name, ld.byId) ?? firstString(i.item, ld.byId)).filter((s): s is string => !!s)
    : [];
  const section = firstMeta(metas, 'article:section', 'section', 'parsely-section', 'sailthru.section') ?? (art ? stringsOf(art.articleSection, ld.byId)[0] ?? null : null) ?? md('articleSection')
    ?? sectionFromBreadcrumb(ldCrumbs, titled.title) ?? sectionFromBreadcrumb(breadcrumbTexts(scan.breadcrumbHints), titled.title);

  const tagGroups = [
    splitKeywords(metas.get('article:tag') ?? []),
    splitKeywords(metas.get('news_keywords') ?? []),
    art ? splitKeywords(stringsOf(art.keywords, ld.byId)) : [],
    splitKeywords((micro.get('keywords') ?? []).map((v) => v.value)),
    tagLinkTexts(scan.tagHints, scan.relLinks.filter((r) => r.rel.includes('tag'))),
  ];
  if (tagGroups.every((g) => g.length === 0)) tagGroups.push(splitKeywords(metas.get('keywords') ?? []));
  const tags = uniqueTags(tagGroups, siteNames);

  const related = relatedLinks([...scan.relatedHints, ...labelledRelatedBoxes(scan.labels)], base, [base ?? null, canonicalUrl]);
  const structuredBody = (art ? firstString(art.articleBody, ld.byId, ['text']) : null) ?? md('articleBody');

  return {
    canonicalUrl,
    site: { name: siteName, domain },
    title: titled.title,
    description,
    authors,
    published: dates.published?.value ?? null,
    modified: dates.modified?.value ?? null,
    dates: { published: dates.published, modified: dates.modified },
    declaredLanguage,
    declaredDirection,
    image: imageUrl ? { url: imageUrl, caption } : null,
    section: section ? section.replace(/\s+/g, ' ').trim() : null,
    tags,
    related,
    structuredBody,
    headlines: [...new Set([...(titled.anchor ? [titled.anchor.el] : []), ...scan.h1s.map((h) => h.el)])],
    trace,
  };
}

/** The language and direction of the article: markup, checked against the body's text. */
export function resolveLanguage(meta: Metadata, text: string): { language: string | null; direction: 'rtl' | 'ltr' | null } {
  const sample = text.length >= 200 ? text : [meta.title, meta.description, text].filter(Boolean).join(' ');
  const { language, direction } = detectLanguage(meta.declaredLanguage, meta.declaredDirection, sample);
  return { language, direction };
}
