/**
 * The words credit lines are made of, in the languages marsad meets: byline prefixes
 * ("By", "Von", "بقلم"), roles, photo and translation labels, separators, desk and
 * organisation endings, link labels. fields/credit-parts.ts reads credits with them.
 */
export const PREFIX = /^(?:(?:[\p{L}]+\s+){0,3}by|alles von|mehr von|(?:alle\s+)?(?:beiträge|artikel)\s+von|written by|words by|reporting by|reported by|posted by|story by|text by|authors?|von|par|por|door|av|af|yazan|автор|авторы|текст|text|texte|texto|tekst|autor|autorin|autoren|auteur|quelle|source|sources|fuente|fonte|kilde|källa|بقلم|كتب|كتبت|كتبه|كتبته|تحرير|إعداد|اعداد|الكاتب|الكاتبة|المحرر|مراسل|مراسلة|تقرير|المصدر)\s*[:：-]?\s+/iu;
export const ROLE = /^(?:correspondent|reporter|editor|staff writer|contributor|مراسل|مراسلة|محرر|صحفي|صحفية)\s*[:：-]?\s*/iu;
/** Roles written after the name in Korean, Japanese and Chinese bylines ("신현주 기자"). */
export const ROLE_SUFFIX = /\s*(?:선임기자|수습기자|인턴기자|객원기자|기자|특파원|논설위원|편집위원|記者|特派員|编辑|編集|记者|通讯员)$/u;
/** "박준석 기자 외 1명": "and one more" is not a name. */
export const AND_OTHERS = /\s*(?:외\s*\d+\s*명|ほか\d*人?|等)$/u;
/** A part that credits a picture, video or production, not the text. */
const PHOTO_WORDS = 'fotos?|photos?|photograph(?:s|y)?|bild(?:er)?|images?|pictures?|illustrations?|grafik|graphics?|infografik|video|kamera|camera|producer|produced|produktion|production|design|cover|credits?|copyright|translated|translation|übersetzung|traduction|traducción|traduzione|фото|фотография';
export const PHOTO_LABEL = new RegExp(`^(?:(?:${PHOTO_WORDS})(?:\\s*[:：/]|\\s+by\\s|$)|(?:übersetzung|translation|traduction|traducción|traduzione|фото)\\s|©|(?:صورة|الصورة|تصوير|ترجمة|사진|写真|照片)(?![\\p{L}]))`, 'iu');
/** "Text: A Foto: B" without a separator: the photo credit ends the text credit. */
export const PHOTO_TAIL = /\s+(?:fotos?|photos?|bild(?:er)?|images?|صورة|تصوير|사진)\s*[:：].*$/iu;
export const SPLIT = /\s*(?:,|،|;|&|\+|\/|\s(?:and|et|und|y|e|i|a|og|och|en|ja|és|și|ve|и|і|та|و|및)\s)\s*/iu;
/** A dash with a space before it, a bar or a bracket ends the name ("Jane Doe - Cairo"); "Anne-Marie" stays whole. */
export const TRAILING = /(?:\s+[-–—]|\s*[|–—]\s|\s*\().*$/u;
/** "Finian Cunningham. Sputnik International": a sentence stop after a full name ends the name (not "Dr." or "Sarah E."). */
export const AFTER_NAME_STOP = /^((?:\S+\s+)+\p{L}{3,})\.\s+\p{Lu}.*$/u;
/** Named like an agency: "وكالة الأنباء …", "… News Agency", "… Nachrichtenagentur", "Anadolu Ajansı". */
export const AGENCY_FORM = /^(?:وكالة|وكاله)\s|(?:^|\s)(?:news agency|press agency|nachrichtenagentur|presse-agentur|ajansı|agencia|agence)(?:\s|$)/iu;
/** Roles and offices: a credit ending in one is a person's job, not a name ("AP Auto Writer"). */
export const ROLE_TAIL = /(?:^|\s)(?:writer|editor|editors|correspondent|reporter|reports|contributor|columnist|photographer|producer|illustrator|redakteur|redakteurin|korrespondent|korrespondentin)$/i;
/** A named desk or team: a staff credit. */
export const STAFF_TAIL = /(?:^|[\s-])(?:staff|team|desk|newsroom|redaktion|redaktionen|redaction|rédaction|redacción|redazione|redakcja|redakce|toimitus|التحرير)$/iu;
/** Organisations by their last word ("BBC News", "Tech Media"). */
export const ORG_TAIL = /(?:^|\s)(?:news|magazine|media|online|zeitung)$/i;
/** "Jane Doe in Kyiv", "Ole Berg aus Oslo", "reporting from Cairo": the place is not part of the name. */
export const PLACE_TAIL = /\s+(?:in|aus|from|reporting from|à|au|desde|из)\s+\p{Lu}[\p{L}\s.-]*$/u;
export const WEEKDAY_TAIL = /\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;
export const PARTICLES = /^(?:de|da|di|du|del|der|den|van|von|bin|ibn|al|el|la|le|y|e|dos|das|zu|ten|ter|af|of)$/;
/** Link labels of author pages ("More posts", "Alle Beiträge"), not names. */
export const LINK_LABEL = /^(?:(?:view\s+)?(?:all|more|alle|weitere|mehr|plus d'|más)\s*(?:posts|articles|stories|news|beiträge|artikel|texte|articles|artículos)|profile|profil|bio|biography|biografie)$/i;
export const SOCIAL = /^(?:twitter|x|facebook|instagram|linkedin|email|e-mail|mail|whatsapp|telegram|youtube|tiktok|threads|bluesky|share|follow|more|rss|print)$/i;
/** Scripts written without spaces between given and family name: one token is a full name. */
export const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
export const GENERIC = /^(?:admin|administrator|editor|editors|staff|guest|user|anonymous|unknown|redaktion|redaction|rédaction|المحرر|الموقع|خاص|متابعات|القسم)$/iu;
