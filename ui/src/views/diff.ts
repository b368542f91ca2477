/** A word-level diff of two versions: added words in <ins>, removed in <del>, paragraphs in the article's direction. */
import { html, nothing, type TemplateResult } from 'lit-html';
import { formatDateTime, formatNumber } from '../format.js';
import { t } from '../i18n.js';
import type { ParagraphChange, VersionDiff } from '../types.js';

function paragraph(p: ParagraphChange, dir: string): TemplateResult {
  switch (p.op) {
    case 'same':
      return html`<p class="diff-same" dir=${dir}>${p.text}</p>`;
    case 'added':
      return html`<p class="diff-added" dir=${dir}><ins>${p.text}</ins></p>`;
    case 'removed':
      return html`<p class="diff-removed" dir=${dir}><del>${p.text}</del></p>`;
    case 'changed':
      return html`<p class="diff-changed" dir=${dir}>
        ${p.words.map((w) => (w.op === 'added' ? html`<ins>${w.text}</ins>` : w.op === 'removed' ? html`<del>${w.text}</del>` : html`${w.text}`))}
      </p>`;
  }
}

export function diffView(diff: VersionDiff, dir: string): TemplateResult {
  const c = diff.counts;
  const changed = c.added + c.removed + c.changed > 0;
  return html`
    <section class="diff panel" aria-labelledby="diff-title">
      <h2 id="diff-title">${t('diff', { from: formatNumber(diff.from.version), to: formatNumber(diff.to.version) })}</h2>
      <p class="muted">
        <time datetime=${diff.from.fetchedAt}>${formatDateTime(diff.from.fetchedAt)}</time> →
        <time datetime=${diff.to.fetchedAt}>${formatDateTime(diff.to.fetchedAt)}</time> ·
        ${t('diffCounts', { added: formatNumber(c.added), removed: formatNumber(c.removed), changed: formatNumber(c.changed) })}
      </p>
      ${diff.title
        ? html`<div class="diff-title">
            <h3>${t('titleChanged')}</h3>
            <p dir=${dir}><del>${diff.title.from ?? ''}</del></p>
            <p dir=${dir}><ins>${diff.title.to ?? ''}</ins></p>
          </div>`
        : nothing}
      ${changed ? html`<div class="diff-body">${diff.paragraphs.map((p) => paragraph(p, dir))}</div>` : html`<p class="muted">${t('noChanges')}</p>`}
    </section>
  `;
}
