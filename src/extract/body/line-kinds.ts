/**
 * Recognisers for short lines that sit around an article's text but are not part of it:
 * date lines, bylines, credits, "related"/"comments" section labels. Multilingual word lists;
 * each rule assumes the line is short (callers check the length).
 */

const MONTHS =
  'jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|' +
  'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|' +
  'januar|februar|märz|juni|juli|oktober|dezember|' +
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|' +
  'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro|ago|' +
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|' +
  'ocak|şubat|mart|nisan|mayıs|haziran|temmuz|ağustos|eylül|ekim|kasım|aralık|' +
  'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|' +
  'يناير|فبراير|مارس|أبريل|ابريل|إبريل|مايو|يونيو|يونيه|يوليو|يوليه|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|ديسمبر|' +
  'كانون|شباط|آذار|اذار|نيسان|أيار|ايار|حزيران|تموز|آب|اب|أيلول|ايلول|تشرين|الثاني|الأول|الاول';

const WEEKDAYS =
  'mon|monday|tue|tues|tuesday|wed|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday|' +
  'lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|' +
  'lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta|sexta|feira|' +
  'الأحد|الاحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت';

const DATE_WORDS =
  'am|pm|a\\.m|p\\.m|gmt|utc|edt|est|pst|pdt|cet|cest|bst|ist|et|pt|ct|at|on|of|de|às|a|las|le|um|am|den|' +
  'updated|update|published|posted|last|modified|first|created|date|time|today|yesterday|ago|hours?|minutes?|mins?|' +
  'publié|mis|à|jour|aktualisiert|veröffentlicht|actualizado|publicado|atualizado|em|pubblicato|aggiornato|' +
  'опубликовано|обновлено|в|' +
  'ص|م|تم|التحديث|آخر|اخر|تحديث|نشر|في|بتاريخ|تاريخ|النشر|الساعة|بتوقيت|مكة|المكرمة|القدس|غرينتش|منذ|ساعة|ساعات|دقيقة|دقائق|يوم|أيام|' +
  '기사입력|입력|수정|更新|公開|投稿日';

const DATE_TOKEN = new RegExp(`^(${MONTHS}|${WEEKDAYS}|${DATE_WORDS})\\.?$`, 'iu');
const NUMBER_TOKEN = /^[\d٠-٩۰-۹]+(st|nd|rd|th|er|º|ª)?$/iu;
const YEAR_OR_TIME = /(^|\D)(1[89]|20)\d\d(\D|$)|\d{1,2}[:.h]\d{2}|[٠-٩]{4}/u;

/** A line made (almost) only of a date and time, in any of the listed languages. */
export function isDateLine(text: string): boolean {
  if (text.length > 90 || !YEAR_OR_TIME.test(text)) return false;
  const tokens = text.split(/[^\p{L}\p{N}.]+/u).map((t) => t.replace(/^\.+|\.+$/g, '')).filter(Boolean);
  if (tokens.length === 0) return false;
  const datey = tokens.filter((t) => NUMBER_TOKEN.test(t) || DATE_TOKEN.test(t)).length;
  return datey / tokens.length >= 0.75;
}

/** "By Jane Doe", "بقلم …", optionally followed by a date: who wrote it, not what was written. */
const BYLINE = /^(by|written by|posted by|words by|text by|von|par|por|di|автор|من|بقلم|كتب|كتبت|تحرير|إعداد|اعداد)[\s:]+\S/iu;

export function isByline(text: string): boolean {
  return text.length <= 120 && BYLINE.test(text) && text.split(/\s+/).length <= 16;
}

/** Reporting credits and contact lines at the end of wire copy. */
const CREDIT = new RegExp(
  [
    '^\\(?(additional )?(reporting|writing|editing) by\\b',
    '\\b(contributed|contributing) (to )?(this )?report(ing)?\\.?\\)?$',
    '^(follow|reach|email|contact|write to) .{0,100}(twitter|facebook|instagram|@|\\.com)',
    '^[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+$',
    '^(https?://)?(www\\.)?(twitter|facebook|instagram)\\.com/\\S+$',
    '^have a (news )?tip\\?',
    '(affiliate (links?|commission)|may earn (a|an) (small )?(affiliate )?commission|if you buy something through)',
    '^(like this (story|article)|enjoyed this article)\\b',
    '^(get|receive) .{0,60}(in|to) your inbox',
    '^(sign up|subscribe)\\b',
    '^(تابعونا|تابعوا|تابعنا|اشترك|اشتركوا|للاشتراك|شارك|شاركوا)\\b',
    '^(المصدر|مصدر|source|via)\\s*:?\\s*\\S{1,40}$',
  ].join('|'),
  'iu',
);

export function isCredit(text: string): boolean {
  return text.length <= 250 && CREDIT.test(text);
}

/**
 * Labels that open a non-article section: after one of these near the end, what follows is
 * related links, comments or promotion, not the article.
 */
const SECTION_END = new RegExp(
  '^(' +
    [
      '(more|other|latest|top|related|recommended|popular|trending|recent|similar|further) ?(great |top )?[\\p{L} ]{0,30}(stories|articles|news|posts|reads|coverage|content|links|videos)',
      'related( (post|posts|stories|articles|coverage|content|links|reading|topics))?',
      'you (may|might) (also )?(like|enjoy|be interested)',
      'read (also|more|next)',
      'see also',
      "don'?t miss",
      'more (in|from|on) .{1,40}',
      'more',
      'popular on .{1,30}',
      '(\\d+ )?(comments?|responses?|replies)',
      '(leave|post|add|write) a (comment|reply|review)',
      'tell us what you think.*',
      'join the (conversation|discussion)',
      'about the author',
      'share (this|the) (article|story|post)',
      'الكلمات المفتاحية|كلمات مفتاحية|الكلمات الدالة|كلمات دالة|الوسوم|وسوم|اقرأ أيضا|اقرأ أيضاً|اقرأ ايضا|إقرأ أيضا|إقرأ أيضاً|اقرأ المزيد|شاهد أيضا|شاهد أيضاً|مواضيع ذات صلة|أخبار ذات صلة|اخبار ذات صلة|مقالات ذات صلة|الأكثر قراءة|الاكثر قراءة|الأكثر مشاهدة|التعليقات|تعليقات|أضف تعليق|اضف تعليق|المزيد من .{1,30}',
      'auch interessant|mehr themen|weitere themen|das könnte dich (auch )?interessieren|czytaj (też|także|również)|zobacz (też|także|również)|lea (también|más)|vea también|lire aussi|à lire aussi|sur le même sujet|weitere artikel|mehr zum thema|das könnte sie auch interessieren|leia (também|mais)|veja também|notícias relacionadas|lee también|te puede interesar|noticias relacionadas|leggi anche|ilgili haberler|читайте также|самые популярные.*|отзывы|関連記事|相关文章|관련기사',
    ].join('|') +
    ')[\\s:.!…]*$',
  'iu',
);

export function isSectionEnd(text: string): boolean {
  return text.length <= 80 && SECTION_END.test(text.trim());
}
