/**
 * News agencies and wire services, as bylines write them. A byline that names one is a
 * credit: researchers need to know who wrote the wire copy. Matched whole (case-insensitive,
 * dots and spaces ignored), so "AP" is an agency but "Apple" is not.
 */
const AGENCY_NAMES = [
  // International and European wires, and the generic "agencies" credit.
  'afp', 'agence france-presse', 'agence france presse', 'ap', 'associated press', 'the associated press', 'reuters', 'thomson reuters',
  'dpa', 'deutsche presse-agentur', 'deutsche presse agentur', 'apa', 'kna', 'epd', 'sid', 'ddp', 'dts', 'sda', 'keystone-sda', 'ats',
  'anp', 'belga', 'ntb', 'ritzau', 'čtk', 'ctk', 'pap', 'mti', 'efe', 'europa press', 'ansa', 'adnkronos', 'lusa',
  'upi', 'bloomberg', 'pa media', 'press association', 'aap', 'the canadian press', 'canadian press',
  'tass', 'ria novosti', 'interfax', 'sputnik', 'ukrinform', 'unian', 'bta', 'hina', 'tanjug', 'anadolu', 'anadolu agency', 'anadolu ajansı', 'iha', 'dha',
  'xinhua', 'kyodo', 'jiji', 'yonhap', 'pti', 'ians', 'bernama', 'antara', 'wafa', 'mena', 'irna', 'isna', 'tasnim',
  'agencies', 'wires', 'wire services', 'agenturen', 'agentur', 'agences', 'agencias', 'agenzie', 'agencje',
  // Arabic agencies and wire credits (with and without the spaces between the letters).
  'أ ف ب', 'ا ف ب', 'أ.ف.ب', 'أف ب', 'د ب أ', 'د.ب.أ', 'أ ب', 'أ ش أ', 'رويترز', 'وكالات', 'الوكالات', 'وكالة', 'وكالة الأنباء',
  'الأناضول', 'الاناضول', 'سانا', 'واس', 'وام', 'قنا', 'كونا', 'بترا', 'بنا', 'وفا', 'شينخوا', 'سبوتنيك', 'أسوشيتد برس', 'يو بي آي', 'فرانس برس', 'وكالة فرانس برس',
  // East Asian agencies.
  '연합뉴스', '뉴시스', '뉴스1', '共同通信', '時事通信', '新华社', '新華社', '中央社',
];

const KEYS = new Set(AGENCY_NAMES.map(agencyKey));

function agencyKey(name: string): string {
  return name.toLowerCase().normalize('NFC').replace(/[\s.·]+/g, '');
}

export function isAgency(name: string): boolean {
  return KEYS.has(agencyKey(name));
}
