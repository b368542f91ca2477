/**
 * Splits a class name, id or key into lower-case words: camelCase, digits, "-", "_", ":"
 * and spaces all separate words ("entry-meta__date" → entry, meta, date; "publishedAt" →
 * published, at). Matching words instead of substrings keeps "update" out of "candidate"
 * and "time" out of "timeline".
 */
export function classWords(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\u00c0-\u024f]+/)
    .filter((w) => w.length > 0);
}
