// A synthetic news stream for the stories speed and memory benchmark: N articles over two
// years, in time order, generated lazily (the stream itself holds only the articles of stories
// still running). Stories have a few distinctive words, names and numbers of their own; every
// article mixes them with common words drawn by Zipf's law from a shared vocabulary; a third of
// the stories are written in Arabic letters, so the Arabic normalizing and stemming path runs.
import { rng } from '../rng.mjs';

const DAY = 86_400_000;
const START = Date.parse('2025-01-01T00:00:00Z');
const SPAN = 730 * DAY;
const LATIN = 'bcdfghklmnprstvz';
const VOWELS = 'aeiou';
const ARABIC = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';

function pseudoWord(random, arabic) {
  const syllables = 2 + Math.floor(random() * 3);
  let word = '';
  for (let i = 0; i < syllables; i++) {
    if (arabic) word += ARABIC[Math.floor(random() * ARABIC.length)] + (random() < 0.4 ? 'ا' : '');
    else word += LATIN[Math.floor(random() * LATIN.length)] + VOWELS[Math.floor(random() * VOWELS.length)];
  }
  return word;
}

function vocabulary(random, size, arabic) {
  return Array.from({ length: size }, () => pseudoWord(random, arabic));
}

/** Zipf-distributed index in [0, n): inverse-CDF of a continuous 1/x law, cheap and close enough. */
function zipf(random, n) {
  return Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1)) - 1));
}

/** Yields {id, title, text, language, published, site} in time order. */
export function* syntheticStream(count, seed = 13) {
  const random = rng(seed);
  const common = { en: vocabulary(random, 40_000, false), ar: vocabulary(random, 40_000, true) };
  const sites = Array.from({ length: 60 }, (_, i) => `site${i}.example`);
  // Stories: sizes from a heavy-tailed law (most stories are one or two articles, a few run long).
  const plans = [];
  let planned = 0;
  while (planned < count) {
    const size = Math.min(count - planned, 1 + Math.floor(-Math.log(1 - random()) * 3 * (random() < 0.05 ? 8 : 1)));
    plans.push({ start: START + random() * SPAN, size, arabic: random() < 1 / 3 });
    planned += size;
  }
  plans.sort((a, b) => a.start - b.start);
  const pending = []; // a binary heap of {time, story}
  const push = (item) => {
    pending.push(item);
    for (let i = pending.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (pending[parent].time <= pending[i].time) break;
      [pending[parent], pending[i]] = [pending[i], pending[parent]];
      i = parent;
    }
  };
  const pop = () => {
    const top = pending[0];
    const last = pending.pop();
    if (pending.length > 0) {
      pending[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < pending.length && pending[l].time < pending[m].time) m = l;
        if (r < pending.length && pending[r].time < pending[m].time) m = r;
        if (m === i) break;
        [pending[m], pending[i]] = [pending[i], pending[m]];
        i = m;
      }
    }
    return top;
  };
  let next = 0;
  let serial = 0;
  while (serial < count) {
    while (next < plans.length && (pending.length === 0 || plans[next].start <= pending[0].time)) {
      const plan = plans[next++];
      const story = {
        words: Array.from({ length: 8 }, () => pseudoWord(random, plan.arabic)),
        names: Array.from({ length: 3 }, () => pseudoWord(random, plan.arabic)),
        number: String(10 + Math.floor(random() * 5000)),
        arabic: plan.arabic,
      };
      // coverage lasts about a day, longer for big stories
      for (let i = 0; i < plan.size; i++) push({ time: plan.start + (i === 0 ? 0 : -Math.log(1 - random()) * DAY * (1 + plan.size / 10)), story });
    }
    if (pending.length === 0) break;
    const { time, story } = pop();
    const vocab = story.arabic ? common.ar : common.en;
    const name = (w) => (story.arabic ? w : w[0].toUpperCase() + w.slice(1));
    const pick = () => {
      const r = random();
      if (r < 0.12) return story.words[Math.floor(random() * story.words.length)];
      if (r < 0.16) return name(story.names[Math.floor(random() * story.names.length)]);
      if (r < 0.17) return story.number;
      return vocab[zipf(random, vocab.length)];
    };
    const words = 120 + Math.floor(random() * 200);
    const body = [];
    for (let i = 0; i < words; i++) body.push(pick());
    const title = [name(story.names[0]), story.words[0], story.words[1], pick(), pick(), story.words[2]].join(' ');
    yield {
      id: `s${serial++}`,
      title,
      text: body.join(' '),
      language: story.arabic ? 'ar' : 'en',
      published: new Date(time).toISOString(),
      site: sites[Math.floor(random() * sites.length)],
    };
  }
}
