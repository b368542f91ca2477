/**
 * Text vocabularies: paragraphs that are boilerplate by what they say. (What class and id
 * names say is read as words in names.ts.)
 */

/** Paragraph texts that are boilerplate whatever their container: calls to action and labels. */
export const BOILERPLATE_TEXT = new RegExp(
  [
    '^(advertisement|advertising|advert|sponsored( links| content)?|ad|ads|iklan|anzeige|publicité|publicidad|pubblicità|реклама|إعلان|اعلان)$',
    '^(caption|close|text size|image \\d+ of \\d+|\\d+ of \\d+|\\d+of\\d+)$',
    '^(\\d+ )?(comments?|comentários|commentaires|kommentare|комментарии|отзывы|تعليقات|التعليقات)$',
    '^(this (website|site) uses cookies|we use cookies|هذا الموقع يستخدم)',
    '^(tempo de leitura|reading time|read time|\\d+ min(ute)?s? read)\\b',
    '^(طباعة|حجم الخط|أرسل لصديق|ارسل لصديق|شارك الخبر|شارك المقال|شارك على|مشاركة|نسخ الرابط|تكبير الخط|تصغير الخط)$',
    '^media playback is unsupported',
    '^this slideshow requires javascript',
    '^(read|see) (also|more)\\b',
    // "read also" teaser lines in other languages: the label, then another story's title
    '^(lea|lee|vea) (también|más)\\s*:',
    '^(czytaj|zobacz) (też|także|również)\\s*:',
    '^(à )?(lire|voir) aussi\\s*:',
    '^(lesen sie auch|auch interessant|mehr zum thema)\\s*:',
    '^(leia|veja) também\\s*:',
    '^leggi anche\\s*:',
    '^(related|recommended)( (articles?|stories|content|coverage|links?))?:?$',
    '^(اقرأ|إقرأ|اقرا) (أيضا|أيضاً|ايضا|المزيد)',
    '^(شاهد|طالع) (أيضا|أيضاً|ايضا)',
    '^(share|share this|share on \\w+|tweet|email|print)( (this )?(article|story))?$',
    '^(sign up|subscribe)\\b.{0,80}(newsletter|inbox|email)',
    '^(follow us|تابعونا|تابعنا)\\b',
    '^(click here|اضغط هنا)\\b',
    '^(copyright|©|\\(c\\)) ',
    '^all rights reserved',
    '^(photo|image|picture|credit|source|المصدر|الصورة|صورة)\\s*:',
  ].join('|'),
  'i',
);
