/**
 * JSON-LD: tolerant parsing (HTML comments, CDATA, raw control characters, trailing
 * commas), flattening (@graph, arrays, nested mainEntity / mainEntityOfPage), @id
 * references resolved, and the article node chosen. Assumption: a page describes one
 * article; when several article nodes exist (related items), the one whose URL is the
 * page's wins, then the first with a headline.
 */
import { decodeHTML } from 'entities/decode';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const ARTICLE_TYPE = /^(?:\w+:)?(NewsArticle|Article|ReportageNewsArticle|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|BlogPosting|LiveBlogPosting|SocialMediaPosting|Report|TechArticle|ScholarlyArticle|SatiricalArticle|AdvertiserContentArticle|Blog)$/i;
const PAGE_TYPE = /^(?:\w+:)?(WebPage|ItemPage|VideoObject|Recipe|NewsMediaOrganization)$/i;

export function parseJsonLoose(text: string): Json | undefined {
  const cleaned = text
    .replace(/^\s*(<!--|<!\[CDATA\[)/, '')
    .replace(/(-->|\]\]>)\s*$/, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .trim();
  if (!cleaned) return undefined;
  try {
    return JSON.parse(cleaned) as Json;
  } catch {
    try {
      return JSON.parse(cleaned.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1')) as Json;
    } catch {
      return undefined;
    }
  }
}

export function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

export interface JsonLdData {
  nodes: JsonObject[];
  byId: Map<string, JsonObject>;
  article: JsonObject | null;
  /** The article node is a WebPage-like fallback, not an Article type. */
  articleIsPage: boolean;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readJsonLd(scripts: string[], pageUrls: string[]): JsonLdData {
  const nodes: JsonObject[] = [];
  const queue: Json[] = [];
  for (const script of scripts) {
    const parsed = parseJsonLoose(script);
    if (parsed !== undefined) queue.push(parsed);
  }
  let guard = 0;
  while (queue.length > 0 && guard++ < 2000) {
    const item = queue.shift()!;
    if (Array.isArray(item)) {
      queue.push(...item);
      continue;
    }
    if (!isObject(item)) continue;
    nodes.push(item);
    const graph = item['@graph'];
    if (graph !== undefined) queue.push(graph);
    for (const key of ['mainEntity', 'mainEntityOfPage', 'about', 'hasPart']) {
      const child = item[key];
      if (isObject(child) && typesOf(child).length > 0) queue.push(child);
      else if (Array.isArray(child)) queue.push(...child.filter((c) => isObject(c) && typesOf(c).length > 0));
    }
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) if (typeof node['@id'] === 'string' && typesOf(node).length > 0) byId.set(node['@id'], node);
  const articles = nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPE.test(t)));
  const samePage = (n: JsonObject): boolean => {
    const own = [n.url, n['@id'], isObject(n.mainEntityOfPage) ? n.mainEntityOfPage['@id'] : n.mainEntityOfPage].filter((u): u is string => typeof u === 'string');
    return own.some((u) => pageUrls.some((p) => sameUrl(u, p)));
  };
  let article = articles.find(samePage) ?? articles.find((n) => typeof n.headline === 'string' && n.datePublished !== undefined) ?? articles.find((n) => typeof n.headline === 'string') ?? articles[0] ?? null;
  let articleIsPage = false;
  if (!article) {
    article = nodes.find((n) => typesOf(n).some((t) => PAGE_TYPE.test(t)) && (n.datePublished !== undefined || n.headline !== undefined)) ?? null;
    articleIsPage = article !== null;
  }
  return { nodes, byId, article, articleIsPage };
}

function sameUrl(a: string, b: string): boolean {
  const strip = (u: string): string => u.replace(/^https?:\/\/(www\.)?/, '').replace(/[#?].*$/, '').replace(/\/$/, '');
  try {
    return strip(decodeURI(a)) === strip(decodeURI(b));
  } catch {
    return strip(a) === strip(b);
  }
}

/** Follows an {"@id": …} reference to its full node when the graph has it. */
export function resolveRef(value: Json | undefined, byId: Map<string, JsonObject>): Json | undefined {
  if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length <= 2) return byId.get(value['@id']) ?? value;
  return value;
}

/** Strings from a value that may be a string, an object with `keys`, or an array of them. */
export function stringsOf(value: Json | undefined, byId: Map<string, JsonObject>, keys: string[] = ['name']): string[] {
  const out: string[] = [];
  const stack: Array<Json | undefined> = [value];
  while (stack.length > 0 && out.length < 50) {
    const v = resolveRef(stack.shift(), byId);
    if (typeof v === 'string') out.push(v);
    else if (typeof v === 'number') out.push(String(v));
    else if (Array.isArray(v)) stack.push(...v);
    else if (isObject(v)) {
      for (const k of keys) {
        if (v[k] !== undefined) {
          stack.push(v[k]);
          break;
        }
      }
    }
  }
  return out.map((s) => (s.includes('&') ? decodeHTML(s) : s).trim()).filter(Boolean);
}

export function firstString(value: Json | undefined, byId: Map<string, JsonObject>, keys: string[] = ['name']): string | null {
  return stringsOf(value, byId, keys)[0] ?? null;
}

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return isObject(value);
}
