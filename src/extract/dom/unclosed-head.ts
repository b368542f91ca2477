/**
 * A <head> that is never closed: htmlparser2 keeps everything after it inside the head, while
 * a browser closes the head at the first element that does not belong there and starts the
 * body. Without this repair the whole article sits in <head> and is pruned away with it.
 */
import { ElementType } from 'htmlparser2';
import { Element, type ChildNode, type Document } from 'domhandler';
import { appendChild } from 'domutils';

/** What a browser keeps in the head; any other element (or text) starts the body. */
const HEAD_TAGS = new Set(['title', 'meta', 'link', 'style', 'script', 'base', 'noscript', 'template']);

function firstChildTag(parent: Document | Element, name: string): Element | null {
  for (const child of parent.children) if (child.type === ElementType.Tag && child.name === name) return child;
  return null;
}

function startsBody(node: ChildNode): boolean {
  if (node.type === ElementType.Text) return node.data.trim().length > 0;
  return node.type === ElementType.Tag && !HEAD_TAGS.has(node.name);
}

/**
 * Moves body content parsed into an unclosed <head> into a new <body>. Only when the page has
 * no <body> at all: a page that has one and also elements in its head is mostly a saved,
 * script-modified page whose scripts put cookie banners and widgets there; its article is in
 * the body.
 */
export function repairUnclosedHead(doc: Document): void {
  const html = firstChildTag(doc, 'html');
  const container = html ?? doc;
  const head = firstChildTag(container, 'head');
  if (!head || firstChildTag(container, 'body')) return;
  const from = head.children.findIndex(startsBody);
  if (from < 0) return;
  const body = new Element('body', {});
  appendChild(container, body);
  for (const node of head.children.slice(from)) appendChild(body, node);
}
