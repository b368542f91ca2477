/**
 * Language and direction. The markup's declaration (html lang, og:locale, content-language,
 * JSON-LD inLanguage) is trusted unless the text disagrees: the script is counted first
 * (a page marked "en" whose text is Arabic script is not English), then `eld` checks a
 * ~1.5 KB sample, and overrides the declaration only when it is reliable and clearly ahead.
 */
import { eld } from 'eld/extrasmall';

const RTL = /^(ar|fa|he|iw|ur|ps|ckb|yi|dv|sd|ug|syr|ku-arab)(-|$)/i;

/** BCP 47 spelling of a declared tag: "ar_EG" -> "ar-EG", "EN-us" -> "en-US". */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const t = tag.trim().split(/[,;\s]/)[0]!.replace(/_/g, '-');
  const m = /^([a-zA-Z]{2,3})(?:-([a-zA-Z]{4}))?(?:-([a-zA-Z]{2}|\d{3}))?/.exec(t);
  if (!m) return null;
  let out = m[1]!.toLowerCase();
  if (out === 'iw') out = 'he';
  if (m[2]) out += `-${m[2][0]!.toUpperCase()}${m[2].slice(1).toLowerCase()}`;
  if (m[3]) out += `-${m[3].toUpperCase()}`;
  return out;
}

type Script = 'arabic' | 'hebrew' | 'cyrillic' | 'greek' | 'latin' | 'cjk' | 'other' | null;

function dominantScript(sample: string): Script {
  const counts: Record<Exclude<Script, null>, number> = { arabic: 0, hebrew: 0, cyrillic: 0, greek: 0, latin: 0, cjk: 0, other: 0 };
  let total = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if (c < 0x41) continue;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) counts.latin++;
    else if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff)) counts.arabic++;
    else if (c >= 0x590 && c <= 0x5ff) counts.hebrew++;
    else if (c >= 0x400 && c <= 0x4ff) counts.cyrillic++;
    else if (c >= 0x370 && c <= 0x3ff) counts.greek++;
    else if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) counts.cjk++;
    else if (/\p{L}/u.test(ch)) counts.other++;
    else continue;
    total++;
  }
  if (total < 20) return null;
  let best: Exclude<Script, null> = 'latin';
  for (const k of Object.keys(counts) as Array<Exclude<Script, null>>) if (counts[k] > counts[best]) best = k;
  return counts[best] / total > 0.6 ? best : null;
}

const SCRIPT_OF: Record<string, Script> = {
  ar: 'arabic', fa: 'arabic', ur: 'arabic', ps: 'arabic', ckb: 'arabic', sd: 'arabic', ug: 'arabic', he: 'hebrew', yi: 'hebrew',
  ru: 'cyrillic', uk: 'cyrillic', bg: 'cyrillic', sr: 'cyrillic', mk: 'cyrillic', be: 'cyrillic', kk: 'cyrillic', ky: 'cyrillic', mn: 'cyrillic', tg: 'cyrillic',
  el: 'greek', zh: 'cjk', ja: 'cjk', ko: 'cjk',
};

function expectedScript(primary: string): Script {
  return SCRIPT_OF[primary] ?? 'latin';
}

/** A sample of about 1 KB from the middle of the text, cut at spaces: enough for eld, cheap. */
function sampleOf(text: string): string {
  if (text.length <= 1000) return text;
  const start = text.indexOf(' ', Math.floor(text.length / 2) - 500);
  return text.slice(Math.max(0, start), Math.max(0, start) + 1000);
}

export interface LanguageResult {
  language: string | null;
  direction: 'rtl' | 'ltr' | null;
  /** How the language was decided, for the trace. */
  reason: string;
}

export function detectLanguage(declared: string | null, declaredDirection: 'rtl' | 'ltr' | null, text: string): LanguageResult {
  const sample = sampleOf(text);
  const script = dominantScript(sample);
  const primary = declared ? declared.split('-')[0]! : null;
  let language = declared;
  let reason = declared ? 'declared in the markup' : 'none declared';
  const scriptMismatch = primary !== null && script !== null && script !== 'other' && expectedScript(primary) !== script;
  if (script !== null && (primary === null || scriptMismatch || script === 'latin' || script === 'cyrillic')) {
    const result = eld.detect(sample);
    const detected = result.language;
    if (detected && result.isReliable()) {
      const scores = result.getScores();
      const declaredScore = primary ? scores[primary] ?? 0 : 0;
      const detectedScore = scores[detected] ?? 0;
      // Same-script disagreement needs a clear margin: eld confuses close languages on short text.
      const clearlyAhead = scriptMismatch || primary === null || (detectedScore - declaredScore > 0.15 && detectedScore > declaredScore * 1.3);
      if (detected !== primary && clearlyAhead) {
        language = detected;
        reason = primary ? `declared ${declared}, text reads as ${detected}` : `detected ${detected} from the text`;
      }
    } else if (scriptMismatch && script === 'arabic') {
      language = 'ar';
      reason = `declared ${declared}, text is Arabic script`;
    }
  }
  const changed = language !== declared;
  const direction = !changed && declaredDirection ? declaredDirection : language ? (RTL.test(language) ? 'rtl' : 'ltr') : script === 'arabic' || script === 'hebrew' ? 'rtl' : script ? 'ltr' : declaredDirection;
  return { language, direction, reason };
}
