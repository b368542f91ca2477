/**
 * Class/id vocabularies that say what a container is for. Assumption: sites name their
 * containers in English-ish words (even Arabic sites do), so a few word lists go a long way.
 * Each list is matched on the class and id joined by spaces, case-insensitively.
 */

/** Names that usually hold the article's text. */
export const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|paragraph|rich-?text|detail|news-?text|single/i;

/** Names that usually hold something else (comments, chrome, promotion). */
export const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|taboola|newsletter|subscribe|social|byline|author|breadcrumb|recommend|popular|trending|most-?read|nav|menu|cookie|consent|signup|sign-up|paywall|modal|popup|disclaimer|copyright/i;

/**
 * Names of boxes that are boilerplate wherever they appear, even inside the article
 * container: share bars, "read also" boxes, related lists, newsletter sign-ups, ads,
 * comments, bylines and datelines, photo credits, tag lists, breadcrumbs.
 */
export const BOILERPLATE = new RegExp(
  [
    '(^|[\\s_-])(ad|ads|adv|advert|advertisement|adslot|adunit|ad-?container|ad-?wrapper|dfp|gpt|sponsored?|promo(tion)?s?|banner)([\\s_-]|\\d|$)',
    'share|sharing|social|sociable|addthis|sharethis',
    'related|read-?(also|more|next)|more-?(stories|news|articles|from)|also-?read|see-?also|recommend|outbrain|taboola|trending|popular|most-?(read|viewed|popular)|you-?may|might-?like',
    'newsletter|subscribe|subscription|signup|sign-up|paywall|regwall|register-?wall|cookie|consent|gdpr',
    'comment|disqus|discussion|respond|reply',
    'byline|by-?line|author|writer|dateline|timestamp|publish(ed)?-?(date|time|on)|date-?(line|time|published)|article-?date|post-?(date|meta|info)|entry-?meta|meta-?(data|info)|article-?meta',
    'breadcrumb|tag-?list|tags|keywords|topics-?list|categories',
    'credit|copyright|caption|gallery|slideshow|carousel|lightbox|(^|[\\s_-])(photo|photos|image|images|img|picture|video|videos|player|embed)([\\s_-]|$)',
    'toolbar|tools|print|font-?size|rating|reactions|follow|bookmark|save-?(article|story)',
    '(^|[\\s_-])(nav|navbar|navigation|menu|footer|sidebar|aside|widget|masthead|header)([\\s_-]|$)',
    'skip-?link|sr-?only|visually-?hidden|screen-?reader|offscreen',
    'pagination|pager|next-?(article|post)|prev(ious)?-?(article|post)',
  ].join('|'),
  'i',
);

/**
 * Names that contain a boilerplate word but are the article itself (e.g. "article-body",
 * "story-content", "post-text"): checked first so the whole body is never thrown away.
 */
export const BODY_NAMES = /(article|story|post|entry|news|content|main|td-post|rich)[-_]?(body|content|text|inner|main|copy)|(^|[\s_-])(articlebody|article-?text|body-?text|story-?body|entry-?content|post-?content|itemprop-articlebody)([\s_-]|$)/i;

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
