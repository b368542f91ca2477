// Loads the four scored development sets (../shared/data) into memory as raw page bytes
// plus their truth. Decoding the bytes is marsad's job, as it is for the peers.
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** ../shared/data next to the checkout (MARSAD_DATA overrides). */
export function dataDir() {
  const candidates = [process.env.MARSAD_DATA, join(here, '../../../shared/data'), '/work/shared/data'];
  return candidates.find((d) => d && existsSync(join(d, 'scrapinghub'))) ?? null;
}

function gz(path) {
  return gunzipSync(readFileSync(path));
}

/** scrapinghub: [{ id, url, bytes, body }] */
export function loadScrapinghub(dir) {
  const truth = JSON.parse(readFileSync(join(dir, 'scrapinghub/ground-truth.json'), 'utf8'));
  return Object.keys(truth).sort().map((id) => ({
    id,
    url: truth[id].url ?? null,
    bytes: gz(join(dir, 'scrapinghub/html', `${id}.html.gz`)),
    body: truth[id].articleBody ?? '',
  }));
}

/** trafilatura-990: [{ id, url, bytes, with[], without[] }] */
export function loadTrafilatura(dir) {
  const pages = JSON.parse(readFileSync(join(dir, 'trafilatura-990/pages.json'), 'utf8'));
  return pages.map((p) => ({
    id: p.file,
    url: p.url && /^https?:\/\//.test(p.url) ? p.url : null,
    bytes: gz(join(dir, 'trafilatura-990', p.path)),
    with: p.with,
    without: p.without,
  }));
}

/** htmldate-800: [{ id, url, bytes, published }]; the URL is kept for reports, never given to the extractor. */
export function loadHtmldate(dir) {
  const pages = JSON.parse(readFileSync(join(dir, 'htmldate-800/dates.json'), 'utf8'));
  const cache = new Map();
  return pages.map((p) => {
    if (!cache.has(p.path)) cache.set(p.path, gz(join(dir, 'htmldate-800', p.path)));
    return { id: p.file, url: p.url, bytes: cache.get(p.path), published: p.published };
  });
}

/** fundus-news: [{ id, url, bytes, body, title, authors, authorsAnnotated, published, crawlDate }] */
export function loadFundus(dir) {
  const truth = JSON.parse(readFileSync(join(dir, 'fundus-news/truth.json'), 'utf8'));
  return Object.keys(truth).sort().map((id) => {
    const t = truth[id];
    return {
      id,
      url: t.url ?? null,
      bytes: gz(join(dir, 'fundus-news/html', `${id}.html.gz`)),
      body: (t.body ?? []).join('\n'),
      title: t.title ?? null,
      authors: t.authors ?? [],
      authorsAnnotated: t.authors_annotated !== false,
      published: t.published_after_crawl ? null : t.published ?? null,
      crawlDate: t.crawl_date ?? null,
    };
  });
}
