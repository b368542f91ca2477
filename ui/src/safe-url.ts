/**
 * Crawled links are data. Only http(s) URLs may become an href or an <img src>; anything else
 * (javascript:, data:, vbscript:, relative junk) is shown as text. Parsing with URL (not a
 * prefix test) catches tricks like "java\tscript:" or leading spaces, which URL normalizes.
 */
export function safeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** A URL as people read it: percent-escapes decoded (Arabic paths become Arabic), shown as text only. */
export function displayUrl(value: string): string {
  try {
    return decodeURI(value);
  } catch {
    return value;
  }
}
