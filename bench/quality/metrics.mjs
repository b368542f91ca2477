// The metrics of the development sets, each as its README spells it out.
import { scorePages } from '../metric.mjs';

export { scorePages };

const squash = (s) => s.replace(/\s+/gu, ' ').trim();

/** trafilatura-990: one confusion matrix of snippets over all pages. */
export function scoreSnippets(rows) {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const pages = [];
  for (const { page, text } of rows) {
    const out = squash(text ?? '');
    const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
    for (const s of page.with) {
      if (out.includes(squash(s))) c.tp++;
      else c.fn++;
    }
    for (const s of page.without) {
      if (out.includes(squash(s))) c.fp++;
      else c.tn++;
    }
    tp += c.tp; fp += c.fp; fn += c.fn; tn += c.tn;
    pages.push(c);
  }
  return {
    tp, fp, fn, tn,
    precision: tp / (tp + fp || 1),
    recall: tp / (tp + fn || 1),
    accuracy: (tp + tn) / (tp + fp + fn + tn || 1),
    f1: (2 * tp) / (2 * tp + fp + fn || 1),
    pages,
  };
}

/** htmldate-800: day right = tp, wrong = fp, none = fn. */
export function scoreDates(rows) {
  let tp = 0, fp = 0, fn = 0;
  const pages = [];
  for (const { page, published } of rows) {
    const day = published ? String(published).slice(0, 10) : '';
    const verdict = !day ? 'fn' : day === page.published ? 'tp' : 'fp';
    if (verdict === 'tp') tp++; else if (verdict === 'fp') fp++; else fn++;
    pages.push(verdict);
  }
  return { tp, fp, fn, precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1), f1: (2 * tp) / (2 * tp + fp + fn || 1), pages };
}

const norm = (s) => squash(String(s ?? '').normalize('NFC'));

/** fundus-news title: exact after NFC and whitespace normalization. */
export function titleRight(truth, predicted) {
  return truth != null && norm(truth) === norm(predicted);
}

/** fundus-news authors: set F1 of one page (casefolded whole names). */
export function authorScores(truth, predicted) {
  const t = new Set(truth.map((n) => norm(n).toLowerCase()));
  const p = new Set((predicted ?? []).map((n) => norm(n).toLowerCase()).filter(Boolean));
  let shared = 0;
  for (const n of p) if (t.has(n)) shared++;
  const precision = p.size ? shared / p.size : 0;
  const recall = t.size ? shared / t.size : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** fundus-news published: the first 10 characters agree. */
export function dayRight(truth, predicted) {
  return truth != null && predicted != null && String(truth).slice(0, 10) === String(predicted).slice(0, 10);
}
