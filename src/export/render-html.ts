/**
 * Clean, sanitized HTML for one article. Nothing from the page is copied as markup: every
 * text is escaped and the output uses a fixed set of tags (article, h1, h2, p, blockquote,
 * ul, li, table, tbody, tr, td, figure, figcaption) with no attributes except a checked
 * `lang` and `dir` on <article> and the fixed `class="lead"` on the lead paragraph. So
 * scripts, handlers and links from the page cannot survive.
 */
import type { Article } from '../extract/types.js';
import { groupBlocks, tableCells, uniqueBlocks } from './render-shared.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function articleAttributes(article: Article): string {
  let attrs = '';
  if (article.language && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(article.language)) attrs += ` lang="${article.language}"`;
  if (article.direction === 'rtl' || article.direction === 'ltr') attrs += ` dir="${article.direction}"`;
  return attrs;
}

export function renderHtml(article: Article): string {
  const out: string[] = [`<article${articleAttributes(article)}>`];
  if (article.title) out.push(`<h1>${escapeHtml(article.title)}</h1>`);
  for (const run of groupBlocks(uniqueBlocks(article))) {
    const texts = run.texts.map(escapeHtml);
    switch (run.type) {
      case 'heading':
        out.push(`<h2>${texts[0]}</h2>`);
        break;
      case 'quote':
        out.push(`<blockquote><p>${texts[0]}</p></blockquote>`);
        break;
      case 'list-item':
        out.push(`<ul>\n${texts.map((t) => `<li>${t}</li>`).join('\n')}\n</ul>`);
        break;
      case 'table':
        out.push(`<table><tbody>\n${run.texts.map((row) => `<tr>${tableCells(row).map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('\n')}\n</tbody></table>`);
        break;
      case 'caption':
        out.push(`<figure><figcaption>${texts[0]}</figcaption></figure>`);
        break;
      case 'lead':
        out.push(`<p class="lead">${texts[0]}</p>`);
        break;
      default:
        out.push(`<p>${texts[0]}</p>`);
    }
  }
  out.push('</article>');
  return out.join('\n') + '\n';
}
