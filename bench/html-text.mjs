// Turns the HTML a peer returns (defuddle, article-extractor, readability-lxml) into plain text
// for scoring. The metric only looks at word tokens, so what matters is that block boundaries
// become whitespace (else "</p><p>" would glue the last word of one paragraph to the first of
// the next) while inline tags join without a space, as a browser renders them.
import { decodeHTML } from 'entities';

const DROP = /<(script|style|noscript|template|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?-->/g;
const BLOCK =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|table|thead|tbody|tfoot|tr|td|th|caption|figure|figcaption|section|article|aside|header|footer|main|nav|address|details|summary)\b[^>]*>/gi;
const TAG = /<\/?[a-zA-Z][^>]*>/g;

/** Plain text of an HTML fragment: blocks separated by newlines, entities decoded. */
export function htmlToText(html) {
  if (!html) return '';
  const text = html.replace(COMMENT, '').replace(DROP, ' ').replace(BLOCK, '\n').replace(TAG, '');
  return decodeHTML(text)
    .replace(/[ \t\r\f\v\u00a0]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
}
