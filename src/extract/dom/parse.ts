/** Parses HTML into a domhandler tree with htmlparser2: fast, forgiving, no recursion limits. */
import { parseDocument } from 'htmlparser2';
import type { Document } from 'domhandler';

export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}
