// The plain TF-IDF single-pass clusterer of the ecbplus README, as the reference line in the
// bench: lowercased \w+ tokens, no stop words, weight (1 + ln count) × idf with idf counted over
// the documents seen so far, join the most similar story centroid at cosine >= threshold.
// Deliberately NOT marsad's code: it is the yardstick.

export function tfidfSinglePass(docs, threshold = 0.3) {
  const df = new Map();
  let n = 0;
  const stories = []; // { id, centroid: Map, sq }
  const out = new Map();
  for (const doc of docs) {
    const counts = new Map();
    for (const w of doc.text.toLowerCase().match(/\w+/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
    n++;
    for (const w of counts.keys()) df.set(w, (df.get(w) ?? 0) + 1);
    const vector = new Map();
    let sq = 0;
    for (const [w, c] of counts) {
      const weight = (1 + Math.log(c)) * (Math.log((n + 1) / (df.get(w) + 1)) + 1); // smoothed idf: reproduces the README figures
      vector.set(w, weight);
      sq += weight * weight;
    }
    const norm = Math.sqrt(sq) || 1;
    for (const [w, v] of vector) vector.set(w, v / norm);
    let best = null;
    let bestCos = -1;
    for (const story of stories) {
      let d = 0;
      for (const [w, v] of vector) d += v * (story.centroid.get(w) ?? 0);
      const cos = story.sq > 0 ? d / Math.sqrt(story.sq) : 0;
      if (cos > bestCos) [best, bestCos] = [story, cos];
    }
    if (best === null || bestCos < threshold) {
      best = { id: doc.id, centroid: new Map(), sq: 0 };
      stories.push(best);
    }
    let d = 0;
    for (const [w, v] of vector) d += v * (best.centroid.get(w) ?? 0);
    best.sq += 2 * d + 1;
    for (const [w, v] of vector) best.centroid.set(w, (best.centroid.get(w) ?? 0) + v);
    out.set(doc.id, best.id);
  }
  return out;
}
