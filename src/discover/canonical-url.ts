/**
 * URL canonicalization before anything is queued, so one article is one frontier entry.
 *
 * Rules (each one a variant real news sites produce for the same page):
 * - only http and https; scheme and host lower-cased, default ports and the fragment dropped
 *   (WHATWG URL parsing does these), a trailing dot on the host removed;
 * - percent-encoding normalised: escapes of unreserved characters decoded, other escapes
 *   upper-cased; non-ASCII (Arabic slugs) is UTF-8 percent-encoded once, so the raw IRI and
 *   its encoded form give the same string and nothing is double-encoded;
 * - empty path segments collapsed; `index.html`, `index.php`, `default.aspx`… removed; a
 *   trailing slash removed except on the root;
 * - tracking and session query parameters removed (utm_*, fbclid, gclid, mc_cid…), the rest
 *   sorted by name (stable, so repeated names keep their order); an empty query dropped.
 */

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', '_ga', '_gl', '_hsenc', '_hsmi', 'hsctatracking', 'mkt_tok', 'vero_id',
  'oly_anon_id', 'oly_enc_id', 'rb_clickid', 's_cid', 'wt.mc_id', 'cmpid', 'ocid', 'ncid', 'sr_share', 'spm',
  'ref_src', 'ref_url', '__twitter_impression', 'smid', 'share', 'from_share',
  'jsessionid', 'phpsessid', 'aspsessionid', 'sessionid', 'sid_tracking',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'at_', 'hsa_', 'ga_'];
const INDEX_PAGE = /\/(?:index|default)\.(?:html?|php|aspx?|jsp|shtml)$/i;

export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

/**
 * An escape that normalizeEscapes changes: one with a lower-case hex digit, or one of an
 * unreserved character (- . 0-9 A-Z _ a-z ~). Most escaped URLs (Arabic slugs: %D8%A7…) have
 * none, and testing for one is ~20 times cheaper than rewriting every escape.
 */
const ESCAPE_TO_NORMALIZE = /%(?:[0-9A-Fa-f][a-f]|[a-f][0-9A-Fa-f]|2[DEde]|3\d|4[1-9A-Fa-f]|5[\dAFaf]|6[1-9A-Fa-f]|7[\dAEae])/;

/** Decode escapes of unreserved characters, upper-case the others. */
function normalizeEscapes(s: string): string {
  if (!ESCAPE_TO_NORMALIZE.test(s)) return s;
  return s.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return /[A-Za-z0-9\-._~]/.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

function decodeParamName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** The canonical form of `url`, or null when it is not an http(s) URL. */
export function canonicalizeUrl(url: string, base?: string): string | null {
  let u: URL;
  try {
    u = new URL(url.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  u.hash = '';
  u.username = '';
  u.password = '';
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);

  // Path: ";jsessionid=…" matrix parameters, duplicate slashes, index pages, trailing slash.
  let path = u.pathname.replace(/;(?:jsessionid|phpsessid|sid)=[^/]*/gi, '').replace(/\/{2,}/g, '/');
  path = path.replace(INDEX_PAGE, '/');
  if (path.length > 1 && path.endsWith('/')) path = path.replace(/\/+$/, '') || '/';
  path = normalizeEscapes(path);

  const pairs = u.search
    .slice(1)
    .split('&')
    .filter((p) => p !== '')
    .map((p) => normalizeEscapes(p))
    .filter((p) => !isTrackingParam(decodeParamName(p.split('=')[0] ?? '')));
  const keyed = pairs.map((p, i) => ({ p, key: decodeParamName(p.split('=')[0] ?? ''), i }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  const query = keyed.map((k) => k.p).join('&');

  const port = u.port ? `:${u.port}` : '';
  return `${u.protocol}//${u.hostname}${port}${path}${query ? `?${query}` : ''}`;
}

/** The host with the prefixes of a site's twins (www., m., mobile., amp.) removed, plus any port. */
export function siteKey(urlOrHost: string): string | null {
  let host: string;
  try {
    host = urlOrHost.includes('://') ? new URL(urlOrHost).host : new URL(`http://${urlOrHost}`).host;
  } catch {
    return null;
  }
  return host.toLowerCase().replace(/\.$/, '').replace(/^(?:www\d?|m|mobile|amp)\./, '');
}

/** True when both URLs (or hosts) belong to one site, counting www./m. twins as the same. */
export function sameSite(a: string, b: string): boolean {
  const ka = siteKey(a);
  return ka !== null && ka === siteKey(b);
}
