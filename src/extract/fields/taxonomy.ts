/**
 * Section and tags. Section: article:section, JSON-LD articleSection, the breadcrumb's
 * last link that is not the headline. Tags: article:tag, news_keywords, JSON-LD keywords,
 * rel=tag links and links in tag boxes; the generic "keywords" meta only when nothing else
 * exists (it is often stuffed). Tags are trimmed, de-duplicated case-insensitively, capped.
 */
import type { Seen } from '../structured/scan.js';
import { boundedText } from '../structured/text.js';
import { walkElements } from '../dom/query.js';
import { compareKey } from './title.js';

export function splitKeywords(values: string[]): string[] {
  return values.flatMap((v) => v.split(/[,،;|]/)).map((t) => t.replace(/^#/, '').replace(/\s+/g, ' ').trim()).filter((t) => t.length > 0 && t.length <= 60);
}

export function uniqueTags(groups: string[][], exclude: string[] = []): string[] {
  const seen = new Set(exclude.map(compareKey));
  const out: string[] = [];
  for (const group of groups) {
    for (const tag of group) {
      const key = compareKey(tag);
      if (!key || seen.has(key) || /^(tags?|keywords?|topics?|الكلمات المفتاحية|وسوم|كلمات مفتاحية)\s*:?$/i.test(tag)) continue;
      seen.add(key);
      out.push(tag);
      if (out.length >= 30) return out;
    }
  }
  return out;
}

/** Link texts inside tag boxes and rel=tag links. */
export function tagLinkTexts(boxes: Seen[], relTags: Seen[]): string[] {
  const out: string[] = [];
  for (const r of relTags) {
    if (r.hidden) continue;
    const text = boundedText(r.el, 60);
    if (text) out.push(text);
  }
  for (const box of boxes) {
    if (box.hidden || box.offside) continue;
    let count = 0;
    walkElements(box.el, (el) => {
      if (el.name !== 'a' || count >= 30) return;
      const text = boundedText(el, 60);
      if (text) {
        out.push(text.replace(/^#/, ''));
        count++;
      }
    });
  }
  return out;
}

/** Breadcrumb link texts, in order (first box only). */
export function breadcrumbTexts(boxes: Seen[]): string[] {
  for (const box of boxes) {
    if (box.hidden) continue;
    const texts: string[] = [];
    walkElements(box.el, (el) => {
      if (el.name !== 'a' && el.name !== 'li' && el.name !== 'span') return;
      if (el.name !== 'a' && el.children.some((c) => c.type === 'tag')) return;
      const text = boundedText(el, 80);
      if (text && !/^[>»/|›·-]$/.test(text) && texts[texts.length - 1] !== text) texts.push(text);
    });
    if (texts.length > 0) return texts;
  }
  return [];
}

const HOME = /^(home|accueil|startseite|inicio|anasayfa|главная|الرئيسية|الرئيسيه|الصفحة الرئيسية)$/i;

/** The section a breadcrumb names: its last entry that is neither home nor the headline. */
export function sectionFromBreadcrumb(items: string[], title: string | null): string | null {
  const titleKey = title ? compareKey(title) : '';
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    const key = compareKey(item);
    if (!key || HOME.test(item.trim()) || (titleKey && (key === titleKey || titleKey.includes(key) && key.length > 20))) continue;
    if (item.length > 60) continue;
    return item;
  }
  return null;
}
