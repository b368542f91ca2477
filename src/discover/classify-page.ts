/**
 * Article or listing from the fetched page, for URLs whose shape was ambiguous.
 *
 * Signals (read in one streaming pass, no DOM):
 * - structured data: JSON-LD @type NewsArticle/Article/BlogPosting/ReportageNewsArticle…,
 *   og:type "article";
 * - prose: characters in <p> elements of 80+ characters (an article has a body);
 * - links: how many anchors there are and how many look like article URLs (a listing is a
 *   list of links to articles).
 * Rules: a page with several article-looking links and little prose is a listing even if it
 * carries og:type=article (many CMSs put it on every page); structured data or 600+
 * characters of long paragraphs make an article; many article links make a listing.
 */
import { Parser } from 'htmlparser2';
import { classifyUrl } from './classify-url.js';

export interface PageSignals {
  structuredArticle: boolean;
  ogArticle: boolean;
  hasH1: boolean;
  longParagraphChars: number;
  links: number;
  articleLinks: number;
  articleElements: number;
}

export type PageClass = 'article' | 'listing' | 'other';

const ARTICLE_TYPES = /"@type"\s*:\s*(?:\[[^\]]*)?"(?:News|Reportage|Analysis|Opinion|Review|Background|Report|Scholarly|Tech|Satirical)?Article"|"@type"\s*:\s*(?:\[[^\]]*)?"(?:BlogPosting|LiveBlogPosting)"/;

export function readPageSignals(html: string, baseUrl: string): PageSignals {
  const s: PageSignals = { structuredArticle: false, ogArticle: false, hasH1: false, longParagraphChars: 0, links: 0, articleLinks: 0, articleElements: 0 };
  let inP = 0;
  let pText = '';
  let inScript = false;
  let script = '';
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'p') {
          inP++;
          pText = '';
        } else if (name === 'script' && (attrs.type ?? '').toLowerCase() === 'application/ld+json') {
          inScript = true;
          script = '';
        } else if (name === 'meta' && (attrs.property ?? attrs.name ?? '').toLowerCase() === 'og:type') {
          s.ogArticle ||= (attrs.content ?? '').toLowerCase() === 'article';
        } else if (name === 'h1') s.hasH1 = true;
        else if (name === 'article') s.articleElements++;
        else if (name === 'a' && attrs.href) {
          s.links++;
          try {
            if (classifyUrl(new URL(attrs.href, baseUrl).href) === 'article') s.articleLinks++;
          } catch {
            // not a URL: not counted
          }
        }
      },
      ontext(text) {
        if (inP > 0) pText += text;
        if (inScript) script += text;
      },
      onclosetag(name) {
        if (name === 'p' && inP > 0) {
          inP--;
          const len = pText.replace(/\s+/g, ' ').trim().length;
          if (len >= 80) s.longParagraphChars += len;
          pText = '';
        } else if (name === 'script' && inScript) {
          inScript = false;
          s.structuredArticle ||= ARTICLE_TYPES.test(script);
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return s;
}

export function classifyPage(html: string, baseUrl: string): PageClass {
  const s = readPageSignals(html, baseUrl);
  const prose = s.longParagraphChars;
  if (s.articleLinks >= 8 && prose < 600) return 'listing';
  if ((s.structuredArticle || s.ogArticle) && prose >= 200) return 'article';
  if (prose >= 600 && s.articleElements <= 3) return 'article';
  if (s.articleLinks >= 5 || s.articleElements > 3) return 'listing';
  if (s.structuredArticle) return 'article';
  return 'other';
}
