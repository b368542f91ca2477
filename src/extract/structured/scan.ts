/**
 * One iterative walk over the intact page that gathers everything metadata needs: meta and
 * link tags, JSON-LD scripts, microdata properties, <time> elements, headlines, and the
 * few elements whose class or id hints at a date, an author, tags, breadcrumbs or related
 * articles. Each element remembers its document position, whether it is hidden, and
 * whether it sits in an "offside" region (aside, nav, comments, related lists) whose dates
 * and names belong to other articles.
 */
import type { ChildNode, Document, Element } from 'domhandler';

export interface Seen {
  el: Element;
  /** Position in document order (element count). */
  order: number;
  hidden: boolean;
  offside: boolean;
  /**
   * The innermost element that made this one offside (an aside, a sidebar box...). Dates use
   * it to forgive a region that turns out to hold the headline (a post wrapper named "sidebar").
   */
  offsideBy?: Element | null;
}

/** A short text node (a date line candidate) for the page-wide date search. */
export interface ShortText {
  text: string;
  order: number;
  parent: Element;
  offside: boolean;
  offsideBy: Element | null;
}

export interface PageScan {
  html: Element | null;
  title: Element | null;
  metas: Element[];
  links: Element[];
  jsonLd: string[];
  microdata: Array<Seen & { prop: string }>;
  times: Seen[];
  h1s: Seen[];
  dateHints: Seen[];
  authorHints: Seen[];
  tagHints: Seen[];
  relatedHints: Seen[];
  breadcrumbHints: Seen[];
  figures: Seen[];
  relLinks: Array<Seen & { rel: string }>;
  /** Headings and bold labels: "اقرأ أيضا" / "Read also" boxes are found from them. */
  labels: Seen[];
  /** Small text elements just after an <h1>: where unlabelled date lines sit. */
  nearHeadline: Seen[];
  /** Short text nodes holding digits, in document order: the page-wide date search reads them. */
  shortTexts: ShortText[];
  /** Inline scripts that are not JSON-LD (bounded count; their text is read only when dates need it). */
  scripts: Element[];
  elementCount: number;
}

const DATE_HINT = /date|(?<!run|life)time(?!line|r)|publish|posted|updated|modified|dateline|article-?info|article-?meta|post-?meta|entry-?meta|story-?meta|news-?meta/;
/** Date boxes named in other languages or by their role, matched as whole words of the class ("news_meta_box", "subline", "datum"). */
const DATE_WORD_HINT = /(?:^|[\s_:-])(?:datum|fecha|subline|submitted|meta|metadata|metainfo|zeit|uhrzeit|erschienen|publicado|pubblicato)(?=$|[\s_:-])/;
const AUTHOR_HINT = /author|byline|writer|reporter|columnist|kateb|katib|signature|auteur|autor|yazar/;
const TAG_HINT = /(^|[-_\s])(tags?|keywords?|topics?|tag-?list|post-?tags|article-?tags)($|[-_\s])/;
const RELATED_HINT = /related|read-?more|more-?news|read-?also|also-?read|similar|recommend|more-?stories|more-?articles/;
const BREADCRUMB_HINT = /breadcrumb/;
/**
 * Offside regions, judged per class token: a token is offside when one of its dash/underscore
 * segments names such a region ("sidebar", "related-posts", "comment-list") and none names a
 * page layout ("has-sidebar", "layout-with-comments", "main-content-sidebar" are wrappers).
 */
const OFFSIDE_SEGMENTS = new Set(['sidebar', 'aside', 'widget', 'widgets', 'comment', 'comments', 'related', 'recommended', 'recommend', 'recommendations', 'trending', 'ticker', 'newsletter', 'today', 'topbar', 'mostread', 'popular', 'outbrain', 'taboola']);
const LAYOUT_SEGMENTS = new Set(['has', 'with', 'layout', 'page', 'body', 'main', 'content', 'container', 'wrapper', 'wrap', 'col', 'column', 'grid', 'row', 'no', 'without', 'count', 'icon', 'btn', 'button', 'link']);
const OFFSIDE_PHRASE = /most-?(read|popular|viewed)|more-?(stories|articles|news)|read-?(also|more)|also-?read|breaking-?news|current-?date|header-?date|top-?bar/;

/** Taxonomy and state classes name what a post is about, not a region ("category-newsletter", "tag-comments"). */
const TAXONOMY_TOKEN = /^(category|cat|tag|tags|format|status|type|term|topic|topics|section|postid|post-format)[-_]/;

function isOffsideKey(hintKey: string): boolean {
  if (OFFSIDE_PHRASE.test(hintKey)) return true;
  for (const token of hintKey.split(/\s+/)) {
    if (!token || TAXONOMY_TOKEN.test(token)) continue;
    const segments = token.split(/[-_]+/);
    if (segments.some((g) => OFFSIDE_SEGMENTS.has(g)) && !segments.some((g) => LAYOUT_SEGMENTS.has(g))) return true;
  }
  return false;
}
/** One cheap pre-test for any hint above, so most class strings cost a single regex. */
const ANY_HINT = /date|time|publish|posted|updated|modified|byline|author|auteur|autor|yazar|signature|writer|reporter|columnist|kat[ie]b|tag|keyword|topic|related|more|also|similar|recommend|breadcrumb|caption|meta|info|comment|popular|viewed|trending|sidebar|ticker|breaking|newsletter|widget|footer|aside|today|top-?bar|datum|fecha|subline|submitted|zeit|erschienen|publicado|pubblicato/i;
const LIMIT = 60;
/** Paths of author pages: /author/jane-doe, /autoren/max-muster, /journalist/… */
const AUTHOR_PATH = /\/(?:author|authors|autor|autoren|auteur|auteurs|autore|autori|journalist|journalisten|journalists|redakteur|writers?|reporters?|kuttab|kateb)\/[^/?#\s]+/i;
const DATE_HINT_LIMIT = 100;
/** Page-wide date search input: text nodes of a date line's size, and inline scripts kept at most. */
const SHORT_TEXT_MAX = 200;
const SHORT_TEXT_LIMIT = 600;
const SCRIPT_LIMIT = 80;
const HAS_DIGIT = /\d|[٠-٩۰-۹]/;

/** Is the element or one of its ancestors hidden? Bounded: past 400 levels it is taken as visible. */
export function isHidden(el: Element): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < 400; depth++) {
    if (node.attribs && isHiddenSelf(node)) return true;
    node = node.parent as Element | null;
  }
  return false;
}

function isHiddenSelf(el: Element): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  if (el.name === 'template' || el.name === 'noscript') return true;
  const style = a.style;
  return style !== undefined && style.length > 10 && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

const OFFSIDE = 2;

/** Iterative pre-order walk carrying each element's offside flag on a parallel stack. */
export function scanPage(doc: Document): PageScan {
  const scan: PageScan = {
    html: null, title: null, metas: [], links: [], jsonLd: [], microdata: [], times: [], h1s: [], dateHints: [], authorHints: [],
    tagHints: [], relatedHints: [], breadcrumbHints: [], figures: [], relLinks: [], nearHeadline: [], labels: [], shortTexts: [], scripts: [], elementCount: 0,
  };
  let lastH1 = -1000;
  const nodes: ChildNode[] = [];
  const flags: number[] = [];
  // The innermost offside element above each node, parallel to `flags`.
  const roots: Array<Element | null> = [];
  for (let i = doc.children.length - 1; i >= 0; i--) {
    nodes.push(doc.children[i]!);
    flags.push(0);
    roots.push(null);
  }
  let order = 0;
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    let flag = flags.pop()!;
    let root = roots.pop()!;
    if (node.type === 'text') {
      const data = node.data;
      if (data.length >= 6 && data.length <= SHORT_TEXT_MAX && scan.shortTexts.length < SHORT_TEXT_LIMIT && HAS_DIGIT.test(data) && node.parent?.type === 'tag') {
        scan.shortTexts.push({ text: data, order, parent: node.parent as Element, offside: (flag & OFFSIDE) !== 0, offsideBy: root });
      }
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    order++;
    const a = el.attribs;
    const name = el.name;
    const cls = a.class;
    const id = a.id;
    // Class and id are tested raw (case-insensitive regexes); the joined key is built only for the few that hint at something.
    let hintKey = '';
    if ((cls !== undefined && ANY_HINT.test(cls)) || (id !== undefined && ANY_HINT.test(id))) hintKey = `${cls ?? ''} ${id ?? ''}`.toLowerCase();
    // <html> and <body> classes describe the layout ("right-sidebar", "has-comments"), never a region.
    if (name === 'aside' || name === 'nav' || (name === 'footer' && (el.parent as Element | null)?.name === 'body') || (hintKey !== '' && name !== 'body' && name !== 'html' && isOffsideKey(hintKey))) {
      flag |= OFFSIDE;
      root = el;
    }
    // Hidden-ness is resolved lazily (ancestor check) for the few elements collected below.
    const hidden = false;
    const offside = (flag & OFFSIDE) !== 0;
    let descend = true;
    switch (name) {
      case 'html':
        scan.html ??= el;
        break;
      case 'title':
        if (!scan.title && (el.parent as Element | null)?.name !== 'svg') scan.title = el;
        break;
      case 'meta':
        scan.metas.push(el);
        break;
      case 'link':
        scan.links.push(el);
        break;
      case 'script':
        if (a.type !== undefined && a.type.toLowerCase().includes('ld+json')) scan.jsonLd.push(scriptText(el));
        else if (scan.scripts.length < SCRIPT_LIMIT && a.src === undefined && (a.type === undefined || /json|javascript/i.test(a.type))) scan.scripts.push(el);
        descend = false;
        break;
      case 'style':
        descend = false;
        break;
      case 'time':
        if (scan.times.length < LIMIT) scan.times.push({ el, order, hidden, offside, offsideBy: root });
        break;
      case 'abbr':
        // Machine dates on <abbr title="2011-03-30T21:05:00-07:00"> or data-utime (Unix seconds).
        if (scan.times.length < LIMIT && (a['data-utime'] !== undefined || (a.title !== undefined && /\d{4}/.test(a.title)))) scan.times.push({ el, order, hidden, offside, offsideBy: root });
        break;
      case 'h1':
        if (scan.h1s.length < 8) scan.h1s.push({ el, order, hidden, offside });
        if (scan.h1s.length <= 3) lastH1 = order;
        break;
      case 'h2':
      case 'h3':
      case 'h4':
        if (scan.labels.length < 80) scan.labels.push({ el, order, hidden, offside });
        break;
      case 'span':
      case 'div':
      case 'p':
      case 'small':
      case 'li':
      case 'em':
      case 'strong':
      case 'b':
        if ((name === 'strong' || name === 'b') && scan.labels.length < 80) scan.labels.push({ el, order, hidden, offside });
        if (order - lastH1 <= 30 && scan.nearHeadline.length < 40 && el.children.length <= 3) scan.nearHeadline.push({ el, order, hidden, offside, offsideBy: root });
        break;
      case 'figure':
        if (scan.figures.length < 20) scan.figures.push({ el, order, hidden, offside });
        break;
      case 'a':
        if (a.rel !== undefined && /\b(tag|author)\b/i.test(a.rel) && scan.relLinks.length < LIMIT) scan.relLinks.push({ el, order, hidden, offside, rel: a.rel.toLowerCase() });
        // A link to an author page is a byline even without rel=author or an author class.
        else if (a.href !== undefined && AUTHOR_PATH.test(a.href) && scan.relLinks.length < LIMIT / 2) scan.relLinks.push({ el, order, hidden, offside, rel: 'author-page' });
        break;
    }
    if (a.itemprop !== undefined && scan.microdata.length < 200) scan.microdata.push({ el, order, hidden, offside, offsideBy: root, prop: a.itemprop.trim() });
    if (hintKey !== '') {
      const seen: Seen = { el, order, hidden, offside, offsideBy: root };
      if ((DATE_HINT.test(hintKey) || DATE_WORD_HINT.test(hintKey)) && scan.dateHints.length < DATE_HINT_LIMIT) scan.dateHints.push(seen);
      if (AUTHOR_HINT.test(hintKey) && scan.authorHints.length < LIMIT) scan.authorHints.push(seen);
      if (TAG_HINT.test(hintKey) && scan.tagHints.length < 10) scan.tagHints.push(seen);
      if (RELATED_HINT.test(hintKey) && scan.relatedHints.length < 20) scan.relatedHints.push(seen);
      if (BREADCRUMB_HINT.test(hintKey) && scan.breadcrumbHints.length < 5) scan.breadcrumbHints.push(seen);
    }
    if (!descend) continue;
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      nodes.push(kids[i]!);
      flags.push(flag);
      roots.push(root);
    }
  }
  scan.elementCount = order;
  for (const list of [scan.times, scan.h1s, scan.dateHints, scan.authorHints, scan.tagHints, scan.relatedHints, scan.breadcrumbHints, scan.figures, scan.relLinks, scan.nearHeadline]) {
    for (const item of list) item.hidden = isHidden(item.el);
  }
  scan.figures = scan.figures.filter((f) => !f.hidden);
  return scan;
}

export function scriptText(el: Element): string {
  let out = '';
  for (const child of el.children) if (child.type === 'text') out += child.data;
  return out;
}
