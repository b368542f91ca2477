/**
 * What an element's class and id say about its role, read as WORDS. Class names are
 * compounds ("selectionShareable", "sidebar-grid__content", "print:hidden", "APageRoot"),
 * and a vocabulary word found as a substring of one ("share", "sidebar", "print", "pager")
 * misjudges it. So each name is split into words (camelCase, `-`, `_`, `.`, digits), and:
 * - utility, state and taxonomy classes are ignored: responsive/print variants (`md:flex`,
 *   `print:hidden`, `…@md`), `is-*`, `has-*`, `js-*`, `no-*`, `with-*`, `category-*`, `tag-*`;
 * - in BEM names (`block__element--modifier`) the element is the node's role, the block only
 *   its context and the modifier a variant: `sidebar-grid__content` is content;
 * - a layout name that mentions a sidebar or header (`content-sidebar-wrap`,
 *   `layout-with-header`) describes an arrangement, not the sidebar itself;
 * - weak words (print, header, meta, widget, tags, image, media…) remove a box only when it
 *   holds little prose (callers decide with text statistics);
 * - positive words in the same name as a strong boilerplate word (`main_content_newsletter`)
 *   do not lift the box.
 */
import type { Element } from 'domhandler';

export interface NameSignals {
  /** The name says "the article's text" (article-body, entry-content, itemprop=articleBody). */
  body: boolean;
  /** A word that usually names the text's container (article, content, post, story…). */
  positive: boolean;
  /** A word that names boilerplate wherever it appears (share, related, comments, nav…). */
  strong: boolean;
  /** A word that names boilerplate only when the box holds little prose (print, header, widget…). */
  weak: boolean;
  /** A word that lowers a container's score but does not exclude it (contact, footnote…). */
  negative: boolean;
}

const NONE: NameSignals = { body: false, positive: false, strong: false, weak: false, negative: false };

const POSITIVE_WORDS = new Set([
  'article', 'articles', 'body', 'content', 'contents', 'entry', 'hentry', 'main', 'page', 'post', 'text', 'blog',
  'story', 'prose', 'paragraph', 'richtext', 'detail', 'details', 'single', 'newstext', 'copy',
]);

const STRONG_WORDS = new Set([
  // advertising and promotion
  'ad', 'ads', 'adv', 'advert', 'adverts', 'advertisement', 'advertising', 'adslot', 'adunit', 'dfp', 'sponsor',
  'sponsored', 'sponsors', 'promo', 'promos', 'promotion', 'promotions', 'banner', 'banners', 'outbrain', 'taboola',
  // sharing and following
  'share', 'shares', 'sharing', 'sharebar', 'sharebox', 'sharethis', 'addthis', 'shariff', 'social', 'sociable', 'follow',
  // related and recommended
  'related', 'recommend', 'recommended', 'recommendation', 'recommendations', 'trending', 'popular', 'readmore', 'alsoread', 'seealso',
  // sign-ups and consent
  'newsletter', 'newsletters', 'subscribe', 'subscription', 'signup', 'cookie', 'cookies', 'consent', 'gdpr',
  // comments
  'comment', 'comments', 'commentlist', 'disqus', 'respond', 'reply', 'replies',
  // who and when
  'byline', 'author', 'authors', 'writer', 'dateline', 'timestamp',
  // tags and crumbs
  'breadcrumb', 'breadcrumbs', 'taglist', 'keywords', 'categories',
  // chrome
  'nav', 'navbar', 'navigation', 'menu', 'footer', 'sidebar', 'aside', 'masthead', 'toolbar', 'pagination', 'pager',
  'credit', 'credits', 'copyright', 'rating', 'ratings', 'reactions', 'bookmark',
  'offscreen', 'modal', 'popup', 'popover', 'overlay', 'lightbox', 'flyout',
  // what surrounds a text without being it: reference lists, author bios
  'references', 'bibliography', 'citations', 'reflist', 'bio', 'biography',
]);

/** Two-word phrases with the same meaning as STRONG_WORDS ("read-more", "most_read", "sr-only"). */
const STRONG_PHRASES = new Set([
  'read more', 'read also', 'read next', 'also read', 'see also', 'more stories', 'more news', 'more articles', 'more from',
  'you may', 'might like', 'most read', 'most viewed', 'most popular', 'sign up', 'tag list', 'topics list',
  'publish date', 'published date', 'publish time', 'published on', 'date published', 'date time', 'article date',
  'post date', 'post meta', 'entry meta', 'post info', 'meta data', 'meta info', 'article meta', 'skip link', 'sr only',
  'visually hidden', 'screen reader', 'next article', 'next post', 'prev article', 'prev post', 'previous article',
  'previous post', 'save article', 'save story',
]);

const WEAK_WORDS = new Set([
  'print', 'header', 'meta', 'widget', 'widgets', 'tags', 'tag', 'image', 'images', 'img', 'photo', 'photos', 'picture',
  'video', 'videos', 'player', 'embed', 'media', 'gallery', 'slideshow', 'carousel', 'slider', 'caption', 'tools', 'tool',
]);

const WEAK_PHRASES = new Set(['font size', 'text size']);

const NEGATIVE_WORDS = new Set(['hid', 'combx', 'contact', 'foot', 'footnote', 'footnotes', 'shopping', 'skyscraper', 'disclaimer', 'hidden', 'faq', 'accordion', 'collapse', 'collapsible']);

/** Words that make a name a layout (an arrangement of parts), not one of the parts. */
const LAYOUT_WORDS = new Set(['layout', 'grid', 'wrap', 'cols', 'columns', 'template', 'and']);

/** Compounds written as one word ("commentlist", "socialicons", "sharebuttons") end in one of these. */
const SUFFIXES = ['list', 'box', 'bar', 'links', 'link', 'icons', 'icon', 'buttons', 'button', 'area', 'wrapper', 'container', 'block', 'section', 'widget', 'form', 'module', 's'];

/** Prefixes of classes that record a state, a script hook or a taxonomy term, not a role. */
const IGNORED_PREFIX = /^(is|has|js|no|with|without|category|cat|tag(?!-(list|cloud|links|box|container|wrapper|area)\b)|term|postid|page-id|format|status|type|lang|locale|theme|color|bg|text-(left|right|center))[-_]/i;

const BODY_FIRST = new Set(['article', 'story', 'post', 'entry', 'news', 'content', 'main', 'rich', 'item', 'page']);
const BODY_SECOND = new Set(['body', 'content', 'text', 'inner', 'copy']);
const BODY_COMPOUNDS = new Set(['articlebody', 'articletext', 'bodytext', 'storybody', 'storytext', 'entrycontent', 'postcontent', 'postbody', 'posttext', 'maincontent', 'newstext', 'richtext', 'articlecontent']);

const cache = new WeakMap<Element, NameSignals>();

/** The role words of one class or id token, or null when it records no role. */
export function classWords(token: string): string[] | null {
  if (!token || token.includes(':') || token.includes('@') || IGNORED_PREFIX.test(token)) return null;
  let role = token;
  // BEM: the element after the last "__" is the role; "--modifier" is a variant.
  const element = role.lastIndexOf('__');
  if (element >= 0 && element + 2 < role.length) role = role.slice(element + 2);
  const modifier = role.indexOf('--');
  if (modifier > 0) role = role.slice(0, modifier);
  const words = role
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  return words.length > 0 ? words : null;
}

function isCompoundOf(word: string, vocabulary: Set<string>): boolean {
  if (vocabulary.has(word)) return true;
  for (const suffix of SUFFIXES) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix) && vocabulary.has(word.slice(0, -suffix.length))) return true;
  }
  return false;
}

function hasPhrase(words: string[], phrases: Set<string>): boolean {
  for (let i = 0; i + 1 < words.length; i++) if (phrases.has(`${words[i]} ${words[i + 1]}`)) return true;
  return false;
}

function isBodyName(words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    if (BODY_COMPOUNDS.has(words[i]!)) return true;
    if (i + 1 < words.length && BODY_FIRST.has(words[i]!) && BODY_SECOND.has(words[i + 1]!)) return true;
  }
  return false;
}

/**
 * A build tool's component-scoped name (`main_content_m1tkq9zq`, `styles_body__x7Yq2`): the
 * words name a part of one component, not of the page, so they may warn but never lift.
 */
const GENERATED_SUFFIX = /[_-]([A-Za-z0-9]{5,12})$/;

export function isGeneratedName(token: string): boolean {
  const m = GENERATED_SUFFIX.exec(token);
  if (!m) return false;
  const suffix = m[1]!;
  return /\d/.test(suffix) ? /[a-z]/i.test(suffix) : /[bcdfghjklmnpqrstvwxz]{4}/i.test(suffix);
}

/** Judgements of tokens already seen: pages repeat the same class names on many elements. */
const tokenCache = new Map<string, NameSignals | null>();
const TOKEN_CACHE_LIMIT = 20_000;

/** The role signals of one class or id token. */
function judgeToken(token: string): NameSignals | null {
  const cached = tokenCache.get(token);
  if (cached !== undefined) return cached;
  const words = classWords(token);
  let result: NameSignals | null = null;
  if (words) {
    const s = judgeWords(words);
    result = isGeneratedName(token) ? { ...s, body: false, positive: false } : s;
  }
  if (tokenCache.size >= TOKEN_CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(token, result);
  return result;
}

/** The role signals of one token's words. */
function judgeWords(words: string[]): NameSignals {
  const strong = words.some((w) => isCompoundOf(w, STRONG_WORDS)) || hasPhrase(words, STRONG_PHRASES);
  const weakWord = words.some((w) => isCompoundOf(w, WEAK_WORDS)) || hasPhrase(words, WEAK_PHRASES);
  const layout = words.some((w) => LAYOUT_WORDS.has(w));
  const positive = words.some((w) => isCompoundOf(w, POSITIVE_WORDS));
  // A name that mixes content and chrome words ("content-sidebar-wrap") is a layout too.
  const arrangement = layout || (positive && !isBodyName(words) && words.some((w) => w === 'sidebar' || w === 'header'));
  const body = isBodyName(words) && !strong;
  return {
    body,
    positive: positive && !strong,
    strong: strong && !arrangement && !body,
    weak: weakWord && !arrangement && !body,
    negative: words.some((w) => NEGATIVE_WORDS.has(w)),
  };
}

/** The role signals of an element's class and id (cached: the tree is judged several times). */
export function nameSignals(el: Element): NameSignals {
  const cached = cache.get(el);
  if (cached) return cached;
  const cls = el.attribs.class ?? '';
  const id = el.attribs.id ?? '';
  const itemprop = el.attribs.itemprop?.toLowerCase();
  let result: NameSignals = NONE;
  if (cls || id || itemprop) {
    result = { ...NONE, body: itemprop === 'articlebody' };
    for (const token of `${cls} ${id}`.split(/\s+/)) {
      const s = judgeToken(token);
      if (!s) continue;
      result.body ||= s.body;
      result.positive ||= s.positive;
      result.strong ||= s.strong;
      result.weak ||= s.weak;
      result.negative ||= s.negative;
    }
    if (result.body) result = { ...result, strong: false, weak: false };
  }
  cache.set(el, result);
  return result;
}

/** Separate judgements of the class and the id, for the container score (each counts once). */
export function classAndIdSignals(el: Element): NameSignals[] {
  const out: NameSignals[] = [];
  for (const name of [el.attribs.class, el.attribs.id]) {
    if (!name) continue;
    const s = { ...NONE };
    for (const token of name.split(/\s+/)) {
      const j = judgeToken(token);
      if (!j) continue;
      s.body ||= j.body;
      s.positive ||= j.positive;
      s.strong ||= j.strong;
      s.weak ||= j.weak;
      s.negative ||= j.negative;
    }
    out.push(s);
  }
  return out;
}
