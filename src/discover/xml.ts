/**
 * XML parsing for sitemaps and feeds, safe on hostile input: fast-xml-parser with entity
 * processing off (a "billion laughs" DOCTYPE is never expanded), then only the five
 * predefined entities and numeric character references are decoded, by hand, once.
 */
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  processEntities: false,
  htmlEntities: false,
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Nodes that may repeat are always arrays, so one item and many items read the same.
  isArray: (name) => ['url', 'sitemap', 'item', 'entry', 'link', 'author', 'category'].includes(name),
});

export type XmlNode = Record<string, unknown>;

/** Parsed document, or null when the text is not well-formed XML. */
export function parseXml(text: string): XmlNode | null {
  try {
    const doc: unknown = parser.parse(text);
    return doc !== null && typeof doc === 'object' ? (doc as XmlNode) : null;
  } catch {
    return null;
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeXmlEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/g, (m, name: string) => {
    if (name[0] !== '#') return NAMED[name] ?? m;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** The text of a node: a string, a number, or an element with `#text` (attributes ignored). */
export function textOf(node: unknown): string | undefined {
  if (typeof node === 'string') return decodeXmlEntities(node).trim() || undefined;
  if (typeof node === 'number') return String(node);
  if (Array.isArray(node)) return textOf(node[0]);
  if (node !== null && typeof node === 'object') return textOf((node as XmlNode)['#text']);
  return undefined;
}

export function asArray(node: unknown): unknown[] {
  if (node === undefined || node === null) return [];
  return Array.isArray(node) ? node : [node];
}

export function child(node: unknown, name: string): unknown {
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as XmlNode)[name] : undefined;
}

export function attr(node: unknown, name: string): string | undefined {
  const value = child(node, `@_${name}`);
  return typeof value === 'string' ? decodeXmlEntities(value) : undefined;
}

/** An absolute http(s) URL from `raw` resolved against `base`, or undefined. */
export function absoluteUrl(raw: string | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
