// The story metric of ../shared/data/stories-ecbplus/README.md: B-cubed P/R/F1 (primary),
// pairwise P/R/F1 and the number of predicted stories. An id without a prediction is a singleton.

/**
 * @param {Map<string,string>} gold id -> gold story
 * @param {Map<string,string>} predicted id -> predicted story
 */
export function scoreStories(gold, predicted) {
  const ids = [...gold.keys()];
  const pred = new Map(ids.map((id) => [id, predicted.get(id) ?? `\u0000singleton:${id}`]));
  const members = (labels) => {
    const groups = new Map();
    for (const id of ids) {
      const key = labels.get(id);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(id);
    }
    return groups;
  };
  const predGroups = members(pred);
  const goldGroups = members(gold);
  // |C(d) ∩ G(d)| for every (predicted, gold) cell
  const cells = new Map();
  for (const id of ids) {
    const key = `${pred.get(id)}\u0001${gold.get(id)}`;
    cells.set(key, (cells.get(key) ?? 0) + 1);
  }
  let p = 0;
  let r = 0;
  for (const id of ids) {
    const both = cells.get(`${pred.get(id)}\u0001${gold.get(id)}`);
    p += both / predGroups.get(pred.get(id)).length;
    r += both / goldGroups.get(gold.get(id)).length;
  }
  p /= ids.length;
  r /= ids.length;
  const pairs = (n) => (n * (n - 1)) / 2;
  let predictedPairs = 0;
  let truePairs = 0;
  let both = 0;
  for (const g of predGroups.values()) predictedPairs += pairs(g.length);
  for (const g of goldGroups.values()) truePairs += pairs(g.length);
  for (const n of cells.values()) both += pairs(n);
  const pp = predictedPairs === 0 ? 1 : both / predictedPairs;
  const pr = truePairs === 0 ? 1 : both / truePairs;
  return {
    b3: { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) },
    pairwise: { p: pp, r: pr, f1: pp + pr === 0 ? 0 : (2 * pp * pr) / (pp + pr) },
    stories: predGroups.size,
    goldStories: goldGroups.size,
  };
}
