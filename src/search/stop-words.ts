/** Stop-words dropped from bare query words (never from phrases), in normalized form. */
import { normalizeText } from './normalize-arabic.js';

const ARABIC = `في من الى إلى على عن مع ان أن إن او أو ما لا لم لن هذا هذه ذلك تلك هؤلاء التي الذي الذين
اللذين اللتين هو هي هم هن انا نحن انت كان كانت يكون قد ثم كل بعض غير بين حتى اذا إذا لكن بل منذ عند
ايضا أيضا و ف ب ل ك فى الي علي هنا هناك حيث كما لقد وقد وفي ومن وعلى`;

const ENGLISH = `a an and are as at be been but by for from has have he her his i in is it its of on or
she that the their them they this to was were which who will with you not no`;

const FRENCH = 'le la les de des du un une et en est au aux pour par sur dans que qui ne pas';

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${ARABIC} ${ENGLISH} ${FRENCH}`.split(/\s+/).filter((w) => w.length > 0).map((w) => normalizeText(w)),
);

export function isStopWord(normalizedWord: string): boolean {
  return STOP_WORDS.has(normalizedWord);
}
