/** <meta> tags indexed by their lower-cased property / name / itemprop / http-equiv. */
import type { Element } from 'domhandler';

export type MetaIndex = Map<string, string[]>;

export function indexMetas(metas: Element[]): MetaIndex {
  const index: MetaIndex = new Map();
  for (const m of metas) {
    const content = m.attribs.content?.trim();
    if (!content) continue;
    for (const key of [m.attribs.property, m.attribs.name, m.attribs['http-equiv'], m.attribs.itemprop]) {
      if (!key) continue;
      const k = key.trim().toLowerCase();
      const list = index.get(k) ?? [];
      list.push(content);
      index.set(k, list);
    }
  }
  return index;
}

/** The first value among `keys`, in the order of the keys. */
export function firstMeta(index: MetaIndex, ...keys: string[]): string | null {
  for (const key of keys) {
    const v = index.get(key)?.[0];
    if (v) return v;
  }
  return null;
}
