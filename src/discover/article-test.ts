/** The crawler's article test, shared with WARC import: a home page, a section page or a feed is not an article. */
import type { Article } from '../extract/types.js';
import { classifyUrl } from './classify-url.js';

/**
 * Is the page an article? Rules: a title, a body of at least `minWords` words and an
 * extraction confidence of at least `minConfidence`; and a publication date, unless the URL
 * itself looks like an article's (an about or privacy page has a body but no date). A URL
 * shaped like a listing (section, tag, page=N) needs more (confidence 0.8, 150 words),
 * since a section page full of teasers can look like a long body.
 */
export function isArticle(article: Article | null, url: string, options: { minWords?: number; minConfidence?: number }): article is Article {
  if (article === null || !article.title) return false;
  const minWords = options.minWords ?? 80;
  const minConfidence = options.minConfidence ?? 0.4;
  const urlClass = classifyUrl(url);
  if (article.published === null && urlClass !== 'article') return false;
  if (urlClass === 'listing') return article.wordCount >= Math.max(150, minWords) && article.extraction.confidence >= 0.8;
  return article.wordCount >= minWords && article.extraction.confidence >= minConfidence;
}
