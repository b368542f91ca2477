/**
 * Links out of an HTML page, read with htmlparser2's streaming tokenizer (no DOM is built):
 * anchors for link following, `<link rel="alternate">` feeds, `<link rel="canonical">`.
 * `<base href>` is honoured; fragments are dropped; only http(s) URLs come out.
 */
import { Parser } from 'htmlparser2';

export interface LinkInfo {
  url: string;
  /** Anchor text, whitespace collapsed (first 200 characters). */
  text: string;
  /** rel="nofollow"/"ugc"/"sponsored": kept, but a crawler may follow them last or not at all. */
  nofollow: boolean;
}

export interface PageLinks {
  links: LinkInfo[];
  feeds: string[];
  canonical: string | undefined;
}

function resolve(href: string | undefined, base: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|feed\+json|json|rdf\+xml|xml)$|^text\/xml$/i;

/** One pass over the page collecting anchors, feed links and the canonical link. */
export function readPageLinks(html: string, baseUrl: string): PageLinks {
  let base = baseUrl;
  let sawBase = false;
  const links: LinkInfo[] = [];
  const index = new Map<string, number>();
  const feeds = new Set<string>();
  let canonical: string | undefined;
  let open: { url: string; nofollow: boolean; text: string } | undefined;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'base' && !sawBase && attrs.href) {
          sawBase = true;
          base = resolve(attrs.href, baseUrl) ?? baseUrl;
        } else if (name === 'a' || name === 'area') {
          const url = resolve(attrs.href, base);
          if (!url) return;
          const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
          open = { url, nofollow: rel.includes('nofollow') || rel.includes('ugc') || rel.includes('sponsored'), text: '' };
        } else if (name === 'link') {
          const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
          if (rel.includes('alternate') && FEED_TYPES.test((attrs.type ?? '').trim())) {
            const url = resolve(attrs.href, base);
            if (url) feeds.add(url);
          } else if (rel.includes('canonical') && canonical === undefined) {
            canonical = resolve(attrs.href, base);
          }
        }
      },
      ontext(text) {
        if (open && open.text.length < 200) open.text += text;
      },
      onclosetag(name) {
        if ((name !== 'a' && name !== 'area') || !open) return;
        const text = open.text.replace(/\s+/g, ' ').trim().slice(0, 200);
        const seen = index.get(open.url);
        if (seen === undefined) {
          index.set(open.url, links.length);
          links.push({ url: open.url, text, nofollow: open.nofollow });
        } else {
          // A URL linked both ways is followable; keep the first non-empty text.
          const prev = links[seen]!;
          prev.nofollow &&= open.nofollow;
          if (!prev.text) prev.text = text;
        }
        open = undefined;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { links, feeds: [...feeds], canonical };
}

/** Absolute, de-duplicated anchor URLs in document order (nofollow links included). */
export function extractLinks(html: string, baseUrl: string): string[] {
  return readPageLinks(html, baseUrl).links.map((l) => l.url);
}

/** Anchors with their text and nofollow flag. */
export function extractLinkDetails(html: string, baseUrl: string): LinkInfo[] {
  return readPageLinks(html, baseUrl).links;
}

/** Feeds announced with `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json">`. */
export function findFeedLinks(html: string, baseUrl: string): string[] {
  return readPageLinks(html, baseUrl).feeds;
}

/** The page's `<link rel="canonical">`, absolute, if any. */
export function findCanonicalLink(html: string, baseUrl: string): string | undefined {
  return readPageLinks(html, baseUrl).canonical;
}
