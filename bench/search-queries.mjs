// The query mix of the search benchmarks (bench/search-bench.mjs calls the library,
// bench/serve-bench.mjs the HTTP API): typical queries of each kind over the synthetic corpus,
// written as a reader types them (no hamza, ه for ة), in Arabic and English.
export const QUERIES = {
  // the most frequent content words of each language
  'common word': ['الحكومه', 'government', 'وزير', 'minister'],
  'mid-frequency word': ['الاقتصاد', 'المستشفي', 'election', 'hospital'],
  'rare word': ['الفنادق', 'المهرجان', 'drought', 'tariffs'],
  'two words': ['اسعار النفط', 'وزير الخارجيه', 'oil prices', 'bank inflation'],
  phrase: ['"وزير الخارجيه"', '"foreign minister"', '"اسعار النفط"', '"interest rates"'],
  'word + site': ['النفط site:akhbar2.example', 'election site:news3.example.com'],
  'word + lang + date': ['الانتخابات lang:ar after:2025-01', 'budget lang:en after:2024-06 before:2025-01'],
  'newest order': ['غزه', 'hospital'],
};

/** Not a typical query, measured on its own: a word in nearly every article of its language. */
export const STRESS = {
  'word in most articles (قال, said)': ['قال', 'said'],
};
