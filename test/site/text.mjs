// Text pools for the loopback test site: Arabic and English news prose, titles, names.
// Deterministic: articles pick from these by index, so every run serves the same site.

export const AR = {
  siteName: 'مرصد الأخبار',
  sections: [
    { slug: 'politics', name: 'سياسة' },
    { slug: 'economy', name: 'اقتصاد' },
    { slug: 'sport', name: 'رياضة' },
  ],
  authors: ['سارة المصري', 'أحمد الخطيب', 'ليلى حداد', 'محمود العلي'],
  cities: ['القاهرة', 'بيروت', 'عمّان', 'الرباط', 'تونس', 'الدوحة', 'بغداد', 'دمشق'],
  titles: [
    'وزير الخارجية يلتقي نظيره الأردني لبحث التعاون الإقليمي',
    'البنك المركزي يبقي أسعار الفائدة دون تغيير للمرة الثالثة',
    'المنتخب الوطني يتأهل إلى نهائي البطولة العربية بعد فوز مثير',
    'افتتاح معرض الكتاب الدولي بمشاركة أكثر من خمسمئة دار نشر',
    'ارتفاع أسعار النفط وسط توقعات بتراجع المخزونات الأمريكية',
    'البرلمان يقر مشروع قانون جديد لتنظيم الاستثمار الأجنبي',
    'موجة حر غير مسبوقة تضرب المنطقة والسلطات تحذر المواطنين',
    'إطلاق أول قمر صناعي عربي مخصص لرصد التغير المناخي',
    'اتفاقية تجارية جديدة بين دول المغرب العربي لتسهيل عبور البضائع',
    'نادي الشباب يعلن التعاقد مع مدرب جديد حتى نهاية الموسم',
    'انخفاض معدل البطالة إلى أدنى مستوى له منذ عشر سنوات',
    'قمة عربية طارئة لبحث أزمة المياه في حوض النيل',
    'الحكومة تعلن خطة لدعم المشروعات الصغيرة بقيمة مليار دولار',
    'مهرجان السينما يكرم رواد الفن العربي في دورته العشرين',
    'توقيع مذكرة تفاهم لإنشاء محطة طاقة شمسية في الصحراء',
    'الجامعة العربية تدعو إلى وقف فوري لإطلاق النار',
  ],
  paragraphs: [
    'وأكد المسؤولون خلال مؤتمر صحفي عقد عقب الاجتماع أن المباحثات تناولت سبل تعزيز التعاون المشترك في مختلف المجالات، مشيرين إلى أهمية التنسيق المستمر لمواجهة التحديات الراهنة.',
    'وأوضح التقرير الصادر عن الجهات المختصة أن المؤشرات الأولية تبعث على التفاؤل، لكنها تتطلب مزيدا من الإصلاحات الهيكلية لضمان استدامة النمو على المدى الطويل.',
    'من جانبه، قال الخبير الاقتصادي الدكتور خالد منصور إن القرار كان متوقعا في ظل الظروف الحالية، لافتا إلى أن الأسواق استوعبت التطورات الأخيرة بشكل هادئ نسبيا.',
    'وشهدت الفعالية حضورا جماهيريا واسعا، إذ توافد الزوار منذ ساعات الصباح الأولى، فيما نظمت اللجنة المنظمة ندوات وورش عمل على هامش الحدث.',
    'وتشير البيانات الرسمية إلى أن نسبة الإنجاز في المشروع تجاوزت ستين في المئة، على أن يتم تسليم المرحلة الأولى قبل نهاية العام المقبل وفقا للجدول الزمني المعلن.',
    'ودعا ممثلو المجتمع المدني إلى إشراك الشباب في صنع القرار، مؤكدين أن التنمية الحقيقية لا تتحقق إلا بمشاركة جميع فئات المجتمع في رسم السياسات العامة.',
    'وفي سياق متصل، أعلنت وزارة الصحة عن حملة توعية واسعة تستهدف المدارس والجامعات، بهدف نشر ثقافة الوقاية وتعزيز السلوكيات الصحية بين الطلاب.',
    'ويرى مراقبون أن هذه الخطوة تمثل تحولا مهما في السياسة الإقليمية، وقد تفتح الباب أمام مرحلة جديدة من الحوار والتعاون بين الأطراف المعنية.',
    'وختم البيان بالتأكيد على الالتزام بمواصلة العمل من أجل تحقيق الأهداف المرسومة، مع إجراء مراجعة دورية للنتائج كل ثلاثة أشهر.',
  ],
  months: ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  readMore: 'اقرأ أيضا',
  related: 'أخبار ذات صلة',
  by: 'بقلم',
  updated: 'تم التحديث',
  share: ['فيسبوك', 'إكس', 'واتساب', 'تلغرام'],
};

export const EN = {
  siteName: 'The Daily Observer',
  sections: [
    { slug: 'world', name: 'World' },
    { slug: 'business', name: 'Business' },
    { slug: 'science', name: 'Science' },
  ],
  authors: ['Jane Whitfield', 'Omar Haddad', 'Priya Raman', 'Lucas Moreau'],
  cities: ['London', 'Nairobi', 'Jakarta', 'Lima', 'Oslo', 'Cairo', 'Toronto', 'Manila'],
  titles: [
    'Central bank holds rates steady as inflation cools for a third month',
    'Researchers map the deep ocean floor with a fleet of autonomous drones',
    'Port strike ends after workers accept a four-year wage agreement',
    'City council approves the largest expansion of bike lanes in its history',
    'Drought forces farmers to rethink how they water the wheat belt',
    'New telescope images reveal a galaxy forming in the early universe',
    'Shipping costs fall as congestion eases at major Asian ports',
    'Election officials finish the recount and confirm the narrow result',
    'Startup raises record funding to build grid-scale sodium batteries',
    'Museum returns looted bronzes after a decade of negotiations',
    'Heatwave pushes power demand to an all-time high across the region',
    'Vaccine trial shows strong results against a common childhood virus',
    'Trade talks resume with a focus on farm subsidies and digital taxes',
    'Archaeologists uncover a Roman road beneath a busy shopping street',
    'Airline orders two hundred new jets in a bet on long-haul travel',
    'Glacier retreat accelerates according to a new satellite survey',
  ],
  paragraphs: [
    'Officials said the decision followed weeks of consultation with industry groups and local authorities, and that a review of the measures would take place early next year.',
    'Analysts had widely expected the move, though several warned that the outlook remained uncertain and that a sharp change in energy prices could upset the forecast.',
    '"We are seeing the first signs that the approach is working," said one senior adviser, who asked not to be named because the talks were private. "But it is far too early to declare victory."',
    'The figures, published on Tuesday, show a steady improvement over the previous quarter, with the strongest gains in manufacturing and the weakest in construction.',
    'Critics argued that the plan did too little for smaller communities, where the costs of the transition would fall hardest and the benefits arrive last.',
    'The project, which began three years ago, has drawn support from universities and private donors, and its organisers hope to publish a full report by the spring.',
    'Residents interviewed on Wednesday were divided, with some welcoming the change and others saying they had not been consulted before the work began.',
    'Further details are expected at a briefing next week, when the ministry will set out a timetable and the budget for the second phase.',
    'Independent experts who reviewed the data said the methodology was sound, although they cautioned that the sample was smaller than in earlier studies.',
  ],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  readMore: 'Read more',
  related: 'Related stories',
  by: 'By',
  updated: 'Updated',
  share: ['Facebook', 'X', 'WhatsApp', 'Email'],
};

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';

/** "2025" → "٢٠٢٥". */
export function toArabicDigits(s) {
  return String(s).replace(/\d/g, (d) => ARABIC_DIGITS[Number(d)]);
}

export function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A URL slug: Latin lower-cased words joined with "-", Arabic letters kept as they are. */
export function slugify(title) {
  return title
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .split(/\s+/)
    .slice(0, 7)
    .join('-');
}
