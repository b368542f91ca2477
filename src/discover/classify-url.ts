/**
 * Article, listing or other — from the URL alone, before fetching.
 *
 * Assumptions, in the order they are applied:
 * 1. "other": not http(s); a file that is not a page (.pdf, images, media, archives, feeds,
 *    scripts); utility paths (login, search, contact, privacy, feeds, sitemaps, admin).
 * 2. "article" when the query carries an article id (?id=123456, WordPress ?p=12345);
 *    "listing": explicit listing markers — /tag/, /category/, /section/, /author/, /topic/,
 *    /page/N, ?page=N, a bare /YYYY/ or /YYYY/MM/ archive — and the home page.
 * 3. "article": a full date in the path (/2025/10/28/, /2025-10-28-, /20251028), a numeric id
 *    of 5+ digits in the last segment, or a last segment that is a long slug (3+ words joined
 *    by - or _, or 25+ characters; Arabic slugs count words the same way after decoding).
 * 4. otherwise "listing": short paths like /world or /sport/football are section pages on
 *    news sites far more often than articles. The fetched page has the last word (classifyPage).
 */

export type UrlClass = 'article' | 'listing' | 'other';

const NON_PAGE_EXT = /\.(?:pdf|jpe?g|png|gif|webp|avif|svg|ico|bmp|tiff?|mp[34]|m4a|m4v|mov|avi|wmv|webm|ogg|wav|flac|zip|rar|7z|gz|tgz|bz2|xz|tar|exe|dmg|apk|msi|docx?|xlsx?|pptx?|odt|csv|json|xml|rss|atom|txt|css|js|mjs|woff2?|ttf|eot)$/i;
const UTILITY = /^\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(?:login|logout|signin|signup|register|account|my-account|profile|subscribe|newsletter|search|contact(?:-us)?|about(?:-us)?|privacy(?:-policy)?|terms(?:-of-(?:use|service))?|cookies?(?:-policy)?|advertise|careers|feeds?|rss|sitemap|wp-admin|wp-login\.php|wp-json|cdn-cgi|admin|cart|checkout|print|share|amp-analytics)(?:\/|$)/i;
const LISTING_SEGMENT = /^(?:tags?|category|categories|section|sections|topics?|author|authors|writers?|archives?|page|pages|keyword|keywords|label|labels|series|program|programs|latest|most-read|videos?|photos?|galler(?:y|ies)|multimedia)$/i;
const FULL_DATE = /(?:^|\/)(?:19|20)\d{2}[/-](?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|[12]\d|3[01])(?:[/-]|$)|(?:^|[/_-])(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:[/_.-]|$)/;
const ARCHIVE_ONLY = /^\/(?:[\w-]+\/)?(?:19|20)\d{2}(?:\/(?:0?[1-9]|1[0-2]))?\/?$/;

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function isLongSlug(segment: string): boolean {
  const name = safeDecode(segment).replace(/\.(?:s?html?|php|aspx?|jsp)$/i, '');
  const words = name.split(/[-_+\s]+/).filter((w) => w.length > 0 && !/^\d+$/.test(w));
  return words.length >= 3 || (name.length >= 25 && /[-_]/.test(name));
}

export function classifyUrl(url: string): UrlClass {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'other';
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'other';
  const path = u.pathname;
  if (NON_PAGE_EXT.test(path) || UTILITY.test(path)) return 'other';
  // Article ids in the query (?id=123456, WordPress ?p=12345, ?newsid=…): 3+ digits.
  for (const [key, value] of u.searchParams) {
    if (/^(?:id|p|nid|newsid|articleid|story_id|storyid|aid)$/i.test(key) && /^\d{3,}$/.test(value)) return 'article';
  }
  const segments = path.split('/').filter((s) => s !== '');
  if (segments.length === 0) return 'listing';
  const page = u.searchParams.get('page') ?? u.searchParams.get('p') ?? u.searchParams.get('pg');
  if (page !== null && /^\d{1,2}$/.test(page)) return 'listing';
  if (segments.some((s) => LISTING_SEGMENT.test(safeDecode(s))) && !FULL_DATE.test(path)) {
    // "/news/tag/x" is a listing; "/video/2025/10/28/slug" stays an article through FULL_DATE.
    return 'listing';
  }
  if (ARCHIVE_ONLY.test(path)) return 'listing';
  const last = segments[segments.length - 1] ?? '';
  if (FULL_DATE.test(path)) return 'article';
  if (/(?:^|[^\d])\d{5,}(?:[^\d]|$)/.test(last) || /^\d{5,}$/.test(last)) return 'article';
  if (isLongSlug(last)) return 'article';
  return 'listing';
}
