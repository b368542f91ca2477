/**
 * The lead (standfirst, intro, dek, teaser): the short paragraph between the headline and
 * the body box. Sites keep it in the article's <header> or in a box of its own, so the body
 * box rarely holds it. It is found by walking forward in document order from the headline to
 * the body's first block, and kept when an element there says it is a lead (its class or id
 * words, itemprop=description/abstract) or repeats the page's description, and reads as prose.
 */
import { ElementType } from 'htmlparser2';
import type { AnyNode, Element } from 'domhandler';
import type { TraceEntry } from '../types.js';
import { collapseSpace, normalizedText } from '../dom/query.js';
import { linkDensity, type ElementStats } from './stats.js';
import { collectBlocks, type RawBlock } from './blocks.js';
import { normalizeForCompare } from './filter-blocks.js';
import { isByline, isCredit, isDateLine } from './line-kinds.js';
import { BOILERPLATE_TEXT } from './patterns.js';
import { classWords } from './names.js';

/** Class/id words that name a lead, in the languages sites write their markup in. */
const LEAD_WORDS = new Set([
  'lead', 'lede', 'leadtext', 'intro', 'introduction', 'standfirst', 'summary', 'teaser', 'subtitle', 'subheadline',
  'subhead', 'subheader', 'dek', 'deck', 'excerpt', 'abstract', 'description', 'desc', 'preface',
  'epigraph', 'strapline', 'synopsis', 'chapo', 'chapeau', 'perex', 'ingress', 'ingres', 'entradilla', 'bajada',
  'sumario', 'sommario', 'catenaccio', 'vorspann', 'anriss', 'einleitung', 'leadin', 'accroche', 'copete', 'linhafina',
  'zajawka', 'subtit', 'brief',
]);

/**
 * Words that mark something else near the headline (kickers, bylines, dates, captions, chrome,
 * paywall offers): an element so named is not a lead, and the walk does not look inside it.
 */
const NOT_LEAD_WORDS = new Set([
  'kicker', 'overline', 'eyebrow', 'roofline', 'topline', 'dachzeile', 'superheadline', 'volanta', 'antetitulo',
  'occhiello', 'surtitre', 'label', 'byline', 'author',
  'authors', 'date', 'time', 'meta', 'caption', 'credit', 'credits', 'share', 'sharing', 'social', 'related', 'more',
  'recommended', 'tag', 'tags', 'breadcrumb', 'nav', 'menu', 'promo', 'ad', 'ads', 'advert', 'sponsored', 'newsletter',
  'category', 'subline', 'comments', 'comment', 'list', 'item', 'card', 'img', 'image', 'picture', 'photo', 'figure',
  'video', 'media', 'gallery', 'lightbox', 'slideshow', 'carousel', 'audio', 'player', 'button', 'icon', 'logo',
  'toolbox', 'toolbar', 'popover', 'tooltip', 'modal', 'popup', 'paywall', 'checkout', 'subscribe', 'subscription',
  'login', 'offer', 'consent', 'cookie',
]);

/** Subtrees the walk never looks into: nothing in them is the article's lead. */
const SKIP_TAGS = new Set(['nav', 'aside', 'footer', 'figure', 'figcaption', 'menu', 'a', 'button', 'ul', 'ol', 'table', 'form', 'dialog']);

/** How far past the headline the walk looks before giving up. */
const MAX_ELEMENTS = 400;
/** A lead is a paragraph or two; a longer box is the article itself or a teaser list. */
const MAX_LEAD_CHARS = 1200;
const MIN_LEAD_CHARS = 20;

/** A short identifier-like attribute value ("article-lead", "teaserText"), not a URL or prose. */
const NAME_TOKEN = /^[A-Za-z][\w:-]{0,39}$/;

/**
 * The words an element's markup names it with: class, id, and short `data-*`/`type` values
 * (component names such as data-testid="standfirst"), split into lowercase words at camelCase,
 * `-`, `_`, `:` and digits.
 */
export function nameWords(el: Element): string[] {
  let names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  for (const [key, value] of Object.entries(el.attribs)) {
    if ((key.startsWith('data-') || key === 'type') && NAME_TOKEN.test(value)) names += ` ${value}`;
  }
  if (!names.trim()) return [];
  // The body's own reading of names as words (camelCase, BEM, state and taxonomy classes left out).
  const words = names.split(/\s+/).flatMap((token) => classWords(token) ?? []);
  // "sub-title", "stand_first", "lead-in": a compound written as two words is still one word.
  const joined: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) joined.push(words[i]! + words[i + 1]!);
  return [...words, ...joined];
}

/** What an element's own markup says it is: a lead, something else, or nothing. */
export function leadNaming(el: Element): 'lead' | 'other' | null {
  const words = nameWords(el);
  if (words.some((w) => NOT_LEAD_WORDS.has(w))) return 'other';
  const itemprop = el.attribs.itemprop?.toLowerCase();
  if (itemprop === 'description' || itemprop === 'abstract') return 'lead';
  return words.some((w) => LEAD_WORDS.has(w)) ? 'lead' : null;
}

/** Whether two texts are the same summary: equal, or one a cut-off start of the other. */
function sameSummary(textKey: string, descriptionKey: string): boolean {
  if (!textKey || !descriptionKey) return false;
  if (textKey === descriptionKey) return true;
  const [short, long] = textKey.length < descriptionKey.length ? [textKey, descriptionKey] : [descriptionKey, textKey];
  return short.length >= 40 && short.length >= long.length * 0.6 && long.startsWith(short);
}

/** Prose, not a byline, a date, a credit, a label or the headline again. */
function readsAsLead(text: string, titleKey: string): boolean {
  if (text.length < MIN_LEAD_CHARS || text.length > MAX_LEAD_CHARS) return false;
  // Scripts written with spaces need a few words; CJK text has no spaces to count.
  if (/\s/.test(text) && text.split(/\s+/).length < 4) return false;
  if (isDateLine(text) || isByline(text) || isCredit(text) || BOILERPLATE_TEXT.test(text)) return false;
  const key = normalizeForCompare(text);
  return key !== titleKey && !(titleKey && titleKey.includes(key));
}

/** The next node in document order, descending into `node` only when `descend` is true. */
function nextNode(node: AnyNode, descend: boolean): AnyNode | null {
  if (descend && 'children' in node && node.children.length > 0) return node.children[0]!;
  let current: AnyNode | null = node;
  while (current) {
    if (current.next) return current.next;
    current = current.parent;
  }
  return null;
}

/**
 * The headline still in the pruned tree whose text is the title: the chosen one, or when
 * pruning removed it (a hidden copy for screen readers or search engines), another <h1> with
 * the same text. An <h1> that is not the title (a site name in the masthead) anchors nothing.
 */
function visibleHeadline(headlines: Element[], title: string | null): Element | null {
  const titleKey = title ? normalizeForCompare(title) : '';
  if (!titleKey) return null;
  return headlines.find((h) => inTree(h) && sameHeadline(normalizeForCompare(normalizedText(h)), titleKey)) ?? null;
}

/**
 * The same headline, allowing a site name, a kicker or a reworded search-engine title on one
 * side: most of the <h1>'s words are title words.
 */
function sameHeadline(h1Key: string, titleKey: string): boolean {
  if (!h1Key || !titleKey) return false;
  if (titleKey.includes(h1Key) || h1Key.includes(titleKey)) return true;
  const titleWords = new Set(titleKey.split(' '));
  const words = h1Key.split(' ');
  return words.filter((w) => titleWords.has(w)).length >= words.length * 0.6;
}

const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4']);
const OUTSIDE_ARTICLE = new Set(['nav', 'aside', 'footer', 'menu']);
/** How many elements the search for a headline in another heading tag looks at. */
const MAX_HEADLINE_SEARCH = 5000;

/**
 * Pages without an <h1> for the headline set it in an <h2>/<h3> (or a box with
 * itemprop=headline): the last such heading with the title's text before the body's first block.
 */
function headingBeforeBody(blocks: RawBlock[], sources: Set<Element>, title: string | null): Element | null {
  const titleKey = title ? normalizeForCompare(title) : '';
  let root: AnyNode | null = blocks.find((b) => b.source)?.source ?? null;
  if (!titleKey || !root) return null;
  while (root.parent) root = root.parent;
  let found: Element | null = null;
  let node: AnyNode | null = 'children' in root ? (root.children[0] ?? null) : null;
  for (let seen = 0; node && seen < MAX_HEADLINE_SEARCH; seen++) {
    if (node.type !== ElementType.Tag) {
      node = nextNode(node, false);
      continue;
    }
    const el = node as Element;
    if (sources.has(el)) return found;
    const heading = HEADING_TAGS.has(el.name) || el.attribs.itemprop?.toLowerCase() === 'headline';
    if (heading && sameHeadline(normalizeForCompare(normalizedText(el)), titleKey)) found = el;
    node = nextNode(el, !heading && !OUTSIDE_ARTICLE.has(el.name));
  }
  return null;
}

/** Whether an element is still in the document (pruning detaches a hidden node or one of its ancestors). */
function inTree(el: Element): boolean {
  let node: AnyNode = el;
  while (node.parent) node = node.parent;
  return node.type === ElementType.Root;
}

export interface LeadOptions {
  /** The headline element, then other <h1>s (from the metadata stage, before pruning). */
  headlines: Element[];
  title: string | null;
  description: string | null;
  stats: Map<Element, ElementStats>;
  trace: TraceEntry[];
  baseUrl?: string;
}

/**
 * The elements between the headline and the body's first block that hold the lead, in
 * document order. The walk stops at the first element that a body block came from.
 */
function findLeadElements(blocks: RawBlock[], options: LeadOptions): Element[] {
  // The body's block elements end the walk; their ancestors are always entered, never skipped.
  const sources = new Set<Element>();
  const onPathToBody = new Set<AnyNode>();
  for (const block of blocks) {
    if (!block.source || sources.has(block.source)) continue;
    sources.add(block.source);
    for (let p = block.source.parent; p && !onPathToBody.has(p); p = p.parent) onPathToBody.add(p);
  }
  const headline = visibleHeadline(options.headlines, options.title) ?? headingBeforeBody(blocks, sources, options.title);
  if (!headline) return [];
  const descriptionKey = options.description ? normalizeForCompare(options.description.replace(/(\.\.\.|…)\s*$/, '')) : '';
  const descriptionLength = options.description?.length ?? 0;
  const titleKey = options.title ? normalizeForCompare(options.title) : '';
  const found: Element[] = [];
  let node: AnyNode | null = nextNode(headline, false);
  for (let seen = 0; node && seen < MAX_ELEMENTS; seen++) {
    if (node.type !== ElementType.Tag) {
      node = nextNode(node, false);
      continue;
    }
    const el = node as Element;
    if (sources.has(el)) return found;
    const naming = leadNaming(el);
    const skip = !onPathToBody.has(el) && (SKIP_TAGS.has(el.name) || naming === 'other');
    const s = options.stats.get(el);
    let take = false;
    if (!skip && s && s.textLength > 0 && s.textLength <= MAX_LEAD_CHARS && linkDensity(s) < 0.3 && !onPathToBody.has(el)) {
      // A box named as a lead but holding a label or a link ("Live", a place name) does not count.
      if (naming === 'lead') take = readsAsLead(normalizedText(el), titleKey);
      else if (descriptionKey && s.textLength >= descriptionLength * 0.5 && s.textLength <= descriptionLength * 1.5 + 20) {
        take = sameSummary(normalizeForCompare(normalizedText(el)), descriptionKey);
      }
    }
    // A lead is one box, or a few boxes side by side (several subtitle lines); a lead-like
    // box further on (a synopsis in an inline box) is something else.
    if (take && found.length > 0 && el.parent !== found[0]!.parent) take = false;
    if (take) found.push(el);
    node = nextNode(el, !take && !skip);
  }
  // The walk ran out before reaching the body: what it saw is not known to precede the body.
  return [];
}

/**
 * Adds the lead in front of the body's blocks, as blocks of type `lead`. A lead the body
 * already holds is not repeated, and the body's own paragraphs keep their type.
 */
export function withLead(blocks: RawBlock[], options: LeadOptions): RawBlock[] {
  if (blocks.length === 0) return blocks;
  const elements = findLeadElements(blocks, options);
  if (elements.length === 0) return blocks;
  const titleKey = options.title ? normalizeForCompare(options.title) : '';
  const bodyKeys = blocks.map((b) => normalizeForCompare(b.text));
  const lead: RawBlock[] = [];
  const leadKeys = new Set<string>();
  let total = 0;
  for (const el of elements) {
    const length = options.stats.get(el)?.textLength ?? 0;
    const collected = collectBlocks([el], { stats: options.stats, containerLength: length, trace: [], baseUrl: options.baseUrl });
    for (const block of collected) {
      const text = collapseSpace(block.text);
      if (!readsAsLead(text, titleKey) || total + text.length > MAX_LEAD_CHARS) continue;
      const key = normalizeForCompare(text);
      if (leadKeys.has(key)) continue;
      // The body already says it (a page that repeats its lead as the first paragraph).
      if (bodyKeys.some((b) => b.includes(key))) continue;
      leadKeys.add(key);
      total += text.length;
      lead.push({ ...block, text, type: 'lead' });
    }
  }
  if (lead.length === 0) return blocks;
  options.trace.push({ step: 'body.lead', reason: `kept ${lead.length} lead block(s) between the headline and the body`, text: lead[0]!.text.slice(0, 80) });
  return [...lead, ...blocks];
}
