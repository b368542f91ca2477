/** RSS 2.0 (and RSS 1.0/RDF), Atom and JSON Feed items: the article URL and its dates. */
import { absoluteUrl, asArray, attr, child, parseXml, textOf } from './xml.js';

export interface FeedItem {
  url: string;
  title?: string;
  published?: string;
  updated?: string;
}

export interface ParsedFeed {
  items: FeedItem[];
}

/** Paths where feeds usually live when no `<link rel="alternate">` names one. */
export const FEED_GUESS_PATHS: readonly string[] = [
  '/feed',
  '/rss',
  '/rss.xml',
  '/feed.xml',
  '/atom.xml',
  '/index.xml',
  '/feed.json',
  '/feeds/posts/default',
  '/?feed=rss2',
];

function item(url: string | undefined, fields: Omit<FeedItem, 'url'>): FeedItem[] {
  if (!url) return [];
  const out: FeedItem = { url };
  for (const [k, v] of Object.entries(fields) as [keyof typeof fields, string | undefined][]) if (v) out[k] = v;
  return [out];
}

function parseJsonFeed(text: string, baseUrl: string): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { items: [] };
  }
  const items = (doc as { items?: unknown } | null)?.items;
  if (!Array.isArray(items)) return { items: [] };
  return {
    items: items.flatMap((raw: unknown) => {
      if (raw === null || typeof raw !== 'object') return [];
      const it = raw as Record<string, unknown>;
      const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
      const url = absoluteUrl(str(it.url) ?? str(it.external_url) ?? (str(it.id)?.includes('://') ? str(it.id) : undefined), baseUrl);
      return item(url, { title: str(it.title), published: str(it.date_published), updated: str(it.date_modified) });
    }),
  };
}

/** RSS `<link>` text, else a permalink `<guid>`, else an Atom-style `<link href>` inside the item. */
function rssLink(node: unknown, baseUrl: string): string | undefined {
  const links = asArray(child(node, 'link'));
  for (const l of links) {
    const url = absoluteUrl(textOf(l), baseUrl);
    if (url) return url;
  }
  const guid = child(node, 'guid');
  if (attr(guid, 'isPermaLink') !== 'false') {
    const url = absoluteUrl(textOf(guid), baseUrl);
    if (url && /^https?:/.test(textOf(guid) ?? '')) return url;
  }
  for (const l of links) {
    const url = absoluteUrl(attr(l, 'href'), baseUrl);
    if (url) return url;
  }
  return undefined;
}

/** Atom entry link: rel="alternate" (or no rel) preferred, HTML type preferred. */
function atomLink(node: unknown, baseUrl: string): string | undefined {
  const links = asArray(child(node, 'link'));
  const alternate = links.filter((l) => (attr(l, 'rel') ?? 'alternate') === 'alternate');
  const best = alternate.find((l) => (attr(l, 'type') ?? 'text/html').includes('html')) ?? alternate[0];
  return absoluteUrl(attr(best, 'href') ?? textOf(best), baseUrl);
}

export function parseFeed(text: string, baseUrl: string): ParsedFeed {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, baseUrl);
  const doc = parseXml(trimmed);
  if (doc === null) return { items: [] };
  const atom = child(doc, 'feed');
  if (atom !== undefined) {
    return {
      items: asArray(child(atom, 'entry')).flatMap((e) =>
        item(atomLink(e, baseUrl), {
          title: textOf(child(e, 'title')),
          published: textOf(child(e, 'published')) ?? textOf(child(e, 'issued')),
          updated: textOf(child(e, 'updated')) ?? textOf(child(e, 'modified')),
        }),
      ),
    };
  }
  // RSS 2.0 puts items in <channel>; RSS 1.0 (RDF) puts them beside it.
  const rss = child(doc, 'rss') ?? child(doc, 'RDF');
  const nodes = [...asArray(child(child(rss, 'channel'), 'item')), ...asArray(child(rss, 'item'))];
  return {
    items: nodes.flatMap((n) =>
      item(rssLink(n, baseUrl), {
        title: textOf(child(n, 'title')),
        published: textOf(child(n, 'pubDate')) ?? textOf(child(n, 'date')),
        updated: textOf(child(n, 'updated')) ?? textOf(child(n, 'modified')),
      }),
    ),
  };
}
