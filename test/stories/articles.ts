// Hand-written test articles (never development-set text): a few sentences each.
import type { StoryArticle } from '../../src/stories/index.js';

export const quake2019: StoryArticle[] = [
  {
    id: 'q19-a', site: 'wire.example', language: 'en', published: '2019-03-04T06:10:00Z',
    title: 'Magnitude 6.2 earthquake strikes near Mataram on Lombok',
    text: 'A magnitude 6.2 earthquake struck near Mataram on the island of Lombok early on Monday, the Indonesian geophysics agency BMKG said. Governor Zulkieflimansyah said at least 14 people were killed and hundreds of houses collapsed. Rescue teams from Denpasar were sent to the villages of Sembalun and Sambelia.',
  },
  {
    id: 'q19-b', site: 'daily.example', language: 'en', published: '2019-03-04T09:30:00Z',
    title: 'Lombok quake kills 14, governor says',
    text: 'At least 14 people died when a 6.2 magnitude quake hit Lombok on Monday morning, Governor Zulkieflimansyah told reporters in Mataram. The BMKG agency said the tremor was shallow. Villagers in Sembalun slept outdoors fearing aftershocks.',
  },
  {
    id: 'q19-c', site: 'post.example', language: 'en', published: '2019-03-05T02:00:00Z',
    title: 'Death toll rises in Lombok earthquake as rescuers reach Sembalun',
    text: 'Rescuers reached the hill village of Sembalun on Tuesday, a day after the magnitude 6.2 earthquake near Mataram. Governor Zulkieflimansyah said the death toll had risen to 17. Aid flights from Denpasar landed in Lombok.',
  },
];

export const quake2022: StoryArticle[] = [
  {
    id: 'q22-a', site: 'wire.example', language: 'en', published: '2022-11-21T07:40:00Z',
    title: 'Magnitude 5.6 earthquake hits Cianjur in West Java',
    text: 'A magnitude 5.6 earthquake hit Cianjur in West Java on Monday, the BMKG agency said. Governor Ridwan Kamil said at least 62 people were killed, many of them children in schools that collapsed. Rescue teams from Bandung and Jakarta were sent to Cugenang.',
  },
  {
    id: 'q22-b', site: 'daily.example', language: 'en', published: '2022-11-21T12:15:00Z',
    title: 'Cianjur quake: 62 dead, Ridwan Kamil says',
    text: 'Governor Ridwan Kamil said 62 people died when the 5.6 magnitude quake struck Cianjur on Monday afternoon. Landslides blocked roads to Cugenang, and hospitals in Bandung took in the injured.',
  },
  {
    id: 'q22-c', site: 'post.example', language: 'en', published: '2022-11-22T03:00:00Z',
    title: 'Rescuers dig through landslides in Cianjur after West Java earthquake',
    text: 'Rescuers dug through landslides in Cugenang on Tuesday, a day after the magnitude 5.6 earthquake in Cianjur. Ridwan Kamil said the death toll had risen to 162. President Joko Widodo visited the area.',
  },
];

/** One wire story and two outlets that ran it with a changed sentence and their own headline. */
export const wire: StoryArticle[] = [
  {
    id: 'w-1', site: 'agency.example', language: 'en', published: '2024-05-02T08:00:00Z',
    title: 'Port workers in Rotterdam end three-day strike',
    text: 'Dock workers at the port of Rotterdam ended a three-day strike on Thursday after the FNV union reached a wage deal with terminal operators. The agreement raises pay by 7 percent over two years and limits night shifts, union negotiator Niek Stam said. Container ships that had been waiting off Hook of Holland began to berth on Thursday afternoon. Operators said it would take about a week to clear the backlog of some 40,000 containers.',
  },
  {
    id: 'w-2', site: 'news-one.example', language: 'en', published: '2024-05-02T08:20:00Z',
    title: 'Rotterdam dock strike over',
    text: 'Dock workers at the port of Rotterdam ended a three-day strike on Thursday after the FNV union reached a wage deal with terminal operators. The agreement raises pay by 7 percent over two years and limits night shifts, union negotiator Niek Stam said. Container ships that had been waiting off Hook of Holland began to berth on Thursday afternoon. Operators said it would take about a week to clear the backlog of some 40,000 containers, the largest since 2018.',
  },
  {
    id: 'w-3', site: 'news-two.example', language: 'en', published: '2024-05-02T09:05:00Z',
    title: 'Strike ends at Europe’s largest port',
    text: 'Dock workers at the port of Rotterdam ended a three-day strike on Thursday after the FNV union reached a wage deal with terminal operators. The agreement raises pay by 7 percent over two years and limits night shifts, union negotiator Niek Stam said. Container ships that had been waiting off Hook of Holland began to berth on Thursday afternoon. Operators said it would take about a week to clear the backlog of some 40,000 containers.',
  },
];

/** Other news in the same stream, so that a story is chosen among several. */
export const otherNews: StoryArticle[] = [
  {
    id: 'o-1', site: 'daily.example', language: 'en', published: '2024-05-02T07:00:00Z',
    title: 'Central bank leaves interest rates unchanged',
    text: 'The central bank kept its main interest rate at 4 percent on Thursday, saying inflation was easing more slowly than expected. Governor Elena Varga said a cut in June was possible but not certain. Bond yields fell slightly after the decision.',
  },
  {
    id: 'o-2', site: 'post.example', language: 'en', published: '2024-05-02T10:00:00Z',
    title: 'Local team wins cup final on penalties',
    text: 'FC Harbour won the regional cup final on penalties on Wednesday night after a 1-1 draw. Goalkeeper Tomas Berg saved two spot kicks. Fans celebrated in the old town square until the early hours.',
  },
];

/** An Arabic story written with the spellings people use (أ/ا, ة/ه, ى/ي, with and without ال). */
export const arabicStory: StoryArticle[] = [
  {
    id: 'ar-1', site: 'alyawm.example', language: 'ar', published: '2025-02-10T09:00:00Z',
    title: 'وزارة الصحة تعلن افتتاح مستشفى جديد في مدينة طنطا',
    text: 'أعلنت وزارة الصحة اليوم الإثنين افتتاح مستشفى جديد للأطفال في مدينة طنطا بسعة 300 سرير. وقال الوزير خالد عبد الغفار إن المستشفى سيخدم أكثر من مليون مواطن في محافظة الغربية. وأضاف أن الأطباء الجدد سيبدأون العمل في الأسبوع المقبل.',
  },
  {
    id: 'ar-2', site: 'alakhbar.example', language: 'ar', published: '2025-02-10T11:30:00Z',
    title: 'افتتاح مستشفي جديد للاطفال في طنطا',
    text: 'اعلنت وزاره الصحه افتتاح مستشفي للاطفال في طنطا بسعه 300 سرير، وقال وزير الصحه خالد عبد الغفار ان المستشفي يخدم اكثر من مليون مواطن في الغربيه. ويبدا الاطباء العمل الاسبوع المقبل.',
  },
  {
    id: 'ar-3', site: 'alsharq.example', language: 'ar', published: '2025-02-10T15:45:00Z',
    title: 'عبد الغفار يفتتح مستشفى أطفال طنطا بسعة ٣٠٠ سرير',
    text: 'افتتح وزير الصحة خالد عبد الغفار مستشفى أطفال طنطا الذي يضم ٣٠٠ سرير، في محافظة الغربية. وقالت الوزارة إن مستشفى الأطفال يخدم مليون مواطن، وإن طاقم الأطباء يبدأ عمله الأسبوع القادم.',
  },
];

/** Arabic news in the same stream that is another story. */
export const arabicOther: StoryArticle[] = [
  {
    id: 'ar-x', site: 'alyawm.example', language: 'ar', published: '2025-02-10T10:00:00Z',
    title: 'ارتفاع أسعار الذهب في السوق المحلية',
    text: 'ارتفعت أسعار الذهب في السوق المحلية اليوم بنسبة 2 في المئة، وسجل سعر الجرام عيار 21 نحو 3600 جنيه. وقال تجار في القاهرة إن الطلب زاد قبل موسم الأعراس.',
  },
];

/** Sorts articles by publication time (stream order), stable for equal times. */
export function inTimeOrder(articles: StoryArticle[]): StoryArticle[] {
  return articles.map((a, i) => ({ a, i })).sort((x, y) => Date.parse(x.a.published ?? '') - Date.parse(y.a.published ?? '') || x.i - y.i).map(({ a }) => a);
}
