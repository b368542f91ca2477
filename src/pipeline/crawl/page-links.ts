/**
 * The links a crawler follows out of a page, found by scanning tags rather than parsing the page:
 * `<a|area href>` (with rel=nofollow/ugc/sponsored), `<link rel=alternate>` feeds,
 * `<link rel=canonical>` and `<base href>`. The extractor already builds a DOM of the page;
 * building a second one (or running a second full tokenizer) only for the links cost about a
 * quarter of a page's analysis. The results match `readPageLinks` (discover/links.ts), which
 * test/pipeline/page-links.test.ts checks on the test site's pages.
 *
 * Tokenizing rules kept (those of htmlparser2 that decide where a tag is): comments
 * (`<!-- … -->`), declarations and processing instructions (`<! … >`, `<? … >`), CDATA, end
 * tags, quoted attribute values (a `>` inside quotes does not end the tag), and raw-text
 * elements (script, style, title, textarea, xmp, iframe, noembed, noframes: no tags inside;
 * plaintext: no tags after). Attribute values are entity-decoded as HTML attributes.
 */
import { decodeHTMLAttribute } from 'entities';

export interface PageLink {
  /** Absolute http(s) URL, no fragment. */
  url: string;
  /** rel="nofollow"/"ugc"/"sponsored" on every anchor to this URL. */
  nofollow: boolean;
}

export interface ScannedLinks {
  links: PageLink[];
  feeds: string[];
  canonical: string | undefined;
}

const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes']);
const WANTED = new Set(['a', 'area', 'base', 'link']);
const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|feed\+json|json|rdf\+xml|xml)$|^text\/xml$/i;
const NOFOLLOW = new Set(['nofollow', 'ugc', 'sponsored']);
const TAG_NAME = /[a-zA-Z][^\s/>]*/y;
const ATTRIBUTE = /[\s/]*([^\s/>=][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/y;
const TAG_REST = /(?:[^>"']|"[^"]*"|'[^']*')*>?/y;

/**
 * Resolved hrefs, shared across pages: a site's pages repeat the same navigation, rails and
 * footer links, and `new URL` is most of what a link costs. Only hrefs whose meaning does not
 * depend on the page's path are kept (absolute URLs, `//host/…`, `/path`), keyed by the base's
 * origin; the map forgets everything when full, so its memory stays bounded.
 */
const resolved = new Map<string, string | null>();
const RESOLVED_MAX = 20_000;
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i;
const PATH_FREE = /^(?:[a-z][a-z0-9+.-]*:|\/)/i;

/**
 * A copy of `text` that shares no memory with the page it was cut from. V8 keeps substrings as
 * views of their parent, so a cached href would otherwise keep its whole page alive.
 */
function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function parseHref(href: string, base: string): string | null {
  try {
    const url = new URL(href, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}

function resolve(raw: string | undefined, base: string): string | null {
  const href = raw?.trim();
  if (!href) return null;
  if (!PATH_FREE.test(href)) return parseHref(href, base);
  const key = `${ORIGIN.exec(base)?.[0] ?? base} ${href}`;
  let out = resolved.get(key);
  if (out === undefined) {
    out = parseHref(href, base);
    if (resolved.size >= RESOLVED_MAX) resolved.clear();
    resolved.set(detached(key), out);
  }
  return out;
}

function relTokens(rel: string | undefined): string[] {
  return rel ? rel.toLowerCase().split(/\s+/) : [];
}

/** Reads the attributes of the tag whose name ends at `from`; returns them and where the tag ends. */
function readAttributes(html: string, from: number): { attrs: Map<string, string>; end: number } {
  const attrs = new Map<string, string>();
  let at = from;
  for (;;) {
    ATTRIBUTE.lastIndex = at;
    const m = ATTRIBUTE.exec(html);
    if (m === null || m[0].length === 0) break;
    at = ATTRIBUTE.lastIndex;
    const name = m[1]!.toLowerCase();
    const raw = m[2] ?? m[3] ?? m[4];
    // The first of repeated attributes wins, as in htmlparser2.
    if (!attrs.has(name)) attrs.set(name, raw === undefined ? '' : raw.includes('&') ? decodeHTMLAttribute(raw) : raw);
  }
  TAG_REST.lastIndex = at;
  TAG_REST.exec(html);
  return { attrs, end: TAG_REST.lastIndex };
}

const rawTextEnds = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}`, 'gi')]));

/** Where the end tag of raw-text element `name`, whose content starts at `from`, begins. */
function endOfRawText(html: string, name: string, from: number): number {
  const re = rawTextEnds.get(name)!;
  re.lastIndex = from;
  return re.exec(html)?.index ?? html.length;
}

export function scanPageLinks(html: string, baseUrl: string): ScannedLinks {
  let base = baseUrl;
  let sawBase = false;
  const links: PageLink[] = [];
  const index = new Map<string, number>();
  const feeds = new Set<string>();
  let canonical: string | undefined;
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt === -1) break;
    const next = html.charCodeAt(lt + 1);
    if (next === 0x21 /* ! */) {
      if (html.startsWith('<!--', lt)) {
        const end = html.indexOf('-->', lt + 4);
        at = end === -1 ? html.length : end + 3;
      } else if (html.startsWith('<![CDATA[', lt)) {
        const end = html.indexOf(']]>', lt + 9);
        at = end === -1 ? html.length : end + 3;
      } else {
        const end = html.indexOf('>', lt + 2);
        at = end === -1 ? html.length : end + 1;
      }
      continue;
    }
    if (next === 0x3f /* ? */ || next === 0x2f /* / */) {
      const end = html.indexOf('>', lt + 2);
      at = end === -1 ? html.length : end + 1;
      continue;
    }
    TAG_NAME.lastIndex = lt + 1;
    const nameMatch = TAG_NAME.exec(html);
    if (nameMatch === null) {
      at = lt + 1;
      continue;
    }
    const name = nameMatch[0].toLowerCase();
    const { attrs, end } = readAttributes(html, TAG_NAME.lastIndex);
    at = end;
    if (name === 'plaintext') break;
    if (RAW_TEXT.has(name)) {
      at = endOfRawText(html, name, at);
      continue;
    }
    if (!WANTED.has(name)) continue;
    if (name === 'base') {
      if (!sawBase && attrs.get('href')) {
        sawBase = true;
        base = resolve(attrs.get('href'), baseUrl) ?? baseUrl;
      }
    } else if (name === 'link') {
      const rel = relTokens(attrs.get('rel'));
      if (rel.includes('alternate') && FEED_TYPES.test((attrs.get('type') ?? '').trim())) {
        const url = resolve(attrs.get('href'), base);
        if (url) feeds.add(url);
      } else if (rel.includes('canonical') && canonical === undefined) {
        canonical = resolve(attrs.get('href'), base) ?? undefined;
      }
    } else {
      const url = resolve(attrs.get('href'), base);
      if (!url) continue;
      const nofollow = relTokens(attrs.get('rel')).some((token) => NOFOLLOW.has(token));
      const seen = index.get(url);
      if (seen === undefined) {
        index.set(url, links.length);
        links.push({ url, nofollow });
      } else {
        // A URL linked both ways is followable.
        links[seen]!.nofollow &&= nofollow;
      }
    }
  }
  return { links, feeds: [...feeds], canonical };
}
