/** Parses HTML into a domhandler tree with htmlparser2: fast, forgiving, no recursion limits. */
import { parseDocument } from 'htmlparser2';
import type { Document } from 'domhandler';
import { repairUnclosedHead } from './unclosed-head.js';

export function parseHtml(html: string): Document {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  repairUnclosedHead(doc);
  return doc;
}
