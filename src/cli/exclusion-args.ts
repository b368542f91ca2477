/**
 * `marsad search Central -rates`: the user means "Central, without rates", but an option parser
 * reads `-rates` as options (`-r -a -t…`, or `-n ews` for `-news`). Before commander sees the
 * arguments of `search` and `export`, a single dash followed by two or more letters (any script)
 * or by a quoted phrase is turned into an exclusion the query parser reads (U+2212 MINUS SIGN).
 * Options keep working: `-n 5`, `-n5`, `-f json`, `--limit 5`; `--` ends options as usual.
 */
const QUERY_VERBS = new Set(['search', 'export']);
const EXCLUSION = /^-(?:[\p{L}\p{M}]{2,}[\p{L}\p{M}\p{N}:_.-]*|[\p{L}]+:.+|".*)$/u;

export function exclusionsAsWords(argv: readonly string[]): string[] {
  const verbAt = argv.findIndex((arg, i) => i >= 2 && !arg.startsWith('-'));
  if (verbAt < 0 || !QUERY_VERBS.has(argv[verbAt]!)) return [...argv];
  let optionsEnded = false;
  return argv.map((arg, i) => {
    if (i <= verbAt || optionsEnded) return arg;
    if (arg === '--') optionsEnded = true;
    // the value of the previous option (`--site -foo` is unusual enough to leave alone)
    const previous = argv[i - 1] ?? '';
    if (/^-[a-z]$|^--[a-z-]+$/.test(previous) && !/^--(bom|guard-formulas|with-versions|help)$/.test(previous)) return arg;
    return EXCLUSION.test(arg) ? `\u2212${arg.slice(1)}` : arg;
  });
}
