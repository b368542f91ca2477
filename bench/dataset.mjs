// Loads the scrapinghub development set (181 pages + ground truth) into memory.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Where the development set lives: MARSAD_DEVSET, else ../shared/data/scrapinghub next to the checkout. */
export function devsetDir() {
  const candidates = [process.env.MARSAD_DEVSET, join(here, '../../shared/data/scrapinghub'), '/work/shared/data/scrapinghub'];
  return candidates.find((d) => d && existsSync(join(d, 'ground-truth.json'))) ?? null;
}

/** [{ id, url, html, expected }] in id order. */
export function loadDevset(dir = devsetDir()) {
  if (!dir) throw new Error('development set not found: set MARSAD_DEVSET to the scrapinghub folder');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8'));
  return readdirSync(join(dir, 'html'))
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.html\.gz$/, '');
      const html = gunzipSync(readFileSync(join(dir, 'html', f))).toString('utf8');
      return { id, url: truth[id]?.url ?? null, html, expected: truth[id]?.articleBody ?? '' };
    });
}
