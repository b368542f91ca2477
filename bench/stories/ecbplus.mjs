// The ECB+ story development set (../shared/data/stories-ecbplus/README.md), in file order.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function ecbplusPath() {
  const candidates = [process.env.MARSAD_DATA, join(here, '../../../shared/data'), '/work/shared/data'];
  const dir = candidates.find((d) => d && existsSync(join(d, 'stories-ecbplus/articles.jsonl')));
  return dir ? join(dir, 'stories-ecbplus/articles.jsonl') : null;
}

/** [{id, title, text, language, published, story, topic}] in file order. */
export function loadEcbplus(path = ecbplusPath()) {
  if (path === null) throw new Error('stories-ecbplus not found: set MARSAD_DATA to the shared data folder');
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const record = JSON.parse(line);
      return { ...record, topic: Number(record.id.split('_')[0]) };
    });
}
