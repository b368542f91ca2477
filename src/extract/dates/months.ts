/**
 * Month names in the languages marsad reads (nominative and genitive where dates use the
 * genitive: Polish "maja", Czech "května", Ukrainian "травня", Greek "Μαΐου"), folded with
 * `foldForDates`. Arabic carries
 * all regional series: Egyptian/Gulf (يناير…), Levantine/Iraqi (كانون الثاني…), Maghrebi
 * (جانفي…, يوليوز…). Hijri months are separate so they are never read as Gregorian.
 * Ambiguous short words (Spanish "ago", English "mar" as a verb is harmless) are left out
 * when they collide with common words near dates.
 */
import { foldForDates } from './normalize.js';

const GREGORIAN: string[][] = [
  ['january', 'jan', 'janvier', 'janv', 'januar', 'janner', 'enero', 'ene', 'ocak', 'январь', 'января', 'янв', 'gennaio', 'janeiro', 'يناير', 'كانون الثاني', 'كانون ثاني', 'جانفي', 'ژانویه', 'januari', 'stycznia', 'styczen', 'ledna', 'leden', 'tammikuuta', 'ianuarie', 'ιανουαριου', 'ιανουαριος', 'січня'],
  ['february', 'feb', 'fevrier', 'fevr', 'fev', 'februar', 'febrero', 'subat', 'февраль', 'февраля', 'фев', 'febbraio', 'fevereiro', 'فبراير', 'شباط', 'فيفري', 'فوريه', 'februari', 'lutego', 'luty', 'unora', 'unor', 'helmikuuta', 'februarie', 'φεβρουαριου', 'φεβρουαριος', 'лютого'],
  ['march', 'mar', 'mars', 'marz', 'maerz', 'marzo', 'mart', 'март', 'марта', 'marco', 'مارس', 'اذار', 'مارچ', 'maart', 'marts', 'maret', 'marca', 'marzec', 'brezna', 'brezen', 'maaliskuuta', 'martie', 'μαρτιου', 'μαρτιος', 'березня'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'nisan', 'апрель', 'апреля', 'апр', 'aprile', 'ابريل', 'نيسان', 'افريل', 'اوريل', 'آوریل', 'kwietnia', 'kwiecien', 'dubna', 'duben', 'huhtikuuta', 'aprilie', 'απριλιου', 'απριλιος', 'квітня'],
  ['may', 'mai', 'mayo', 'mayis', 'mayıs', 'май', 'мая', 'maggio', 'maio', 'مايو', 'ايار', 'ماي', 'مه', 'mei', 'maj', 'maja', 'kvetna', 'kveten', 'toukokuuta', 'μαιου', 'μαιος', 'травня'],
  ['june', 'jun', 'juin', 'juni', 'junio', 'haziran', 'июнь', 'июня', 'июн', 'giugno', 'junho', 'يونيو', 'يونيه', 'حزيران', 'جوان', 'ژوئن', 'czerwca', 'czerwiec', 'cervna', 'cerven', 'kesakuuta', 'iunie', 'ιουνιου', 'ιουνιος', 'червня'],
  ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'temmuz', 'июль', 'июля', 'июл', 'luglio', 'julho', 'يوليو', 'يوليه', 'تموز', 'جويليه', 'يوليوز', 'ژوئیه', 'lipca', 'lipiec', 'cervence', 'cervenec', 'heinakuuta', 'iulie', 'julai', 'ιουλιου', 'ιουλιος', 'липня'],
  ['august', 'aug', 'aout', 'agosto', 'agustos', 'ağustos', 'август', 'августа', 'авг', 'اغسطس', 'اب', 'اوت', 'غشت', 'augustus', 'augusti', 'agustus', 'ogos', 'sierpnia', 'sierpien', 'srpna', 'srpen', 'elokuuta', 'αυγουστου', 'αυγουστος', 'серпня'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setiembre', 'eylul', 'сентябрь', 'сентября', 'сен', 'сент', 'settembre', 'setembro', 'سبتمبر', 'ايلول', 'شتنبر', 'سپتامبر', 'wrzesnia', 'wrzesien', 'zari', 'syyskuuta', 'septembrie', 'σεπτεμβριου', 'σεπτεμβριος', 'вересня'],
  ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'ekim', 'октябрь', 'октября', 'окт', 'ottobre', 'outubro', 'اكتوبر', 'تشرين الاول', 'تشرين اول', 'اكتبر', 'pazdziernika', 'pazdziernik', 'rijna', 'rijen', 'lokakuuta', 'octombrie', 'οκτωβριου', 'οκτωβριος', 'жовтня'],
  ['november', 'nov', 'novembre', 'noviembre', 'kasim', 'kasım', 'ноябрь', 'ноября', 'ноя', 'novembro', 'نوفمبر', 'تشرين الثاني', 'تشرين ثاني', 'نونبر', 'listopada', 'listopad', 'listopadu', 'marraskuuta', 'noiembrie', 'νοεμβριου', 'νοεμβριος', 'листопада'],
  ['december', 'dec', 'decembre', 'dezember', 'dez', 'diciembre', 'dic', 'aralik', 'aralık', 'декабрь', 'декабря', 'дек', 'dicembre', 'dezembro', 'ديسمبر', 'كانون الاول', 'كانون اول', 'دجنبر', 'دسامبر', 'desember', 'disember', 'grudnia', 'grudzien', 'prosince', 'prosinec', 'joulukuuta', 'decembrie', 'δεκεμβριου', 'δεκεμβριος', 'грудня'],
];

const HIJRI: string[][] = [
  ['محرم'],
  ['صفر'],
  ['ربيع الاول', 'ربيع اول'],
  ['ربيع الاخر', 'ربيع الثاني', 'ربيع ثاني', 'ربيع الآخر'],
  ['جمادي الاولي', 'جمادي الاول', 'جمادي اولي'],
  ['جمادي الاخره', 'جمادي الثانيه', 'جمادي الاخر', 'جمادي الثاني'],
  ['رجب'],
  ['شعبان'],
  ['رمضان'],
  ['شوال'],
  ['ذو القعده', 'ذي القعده'],
  ['ذو الحجه', 'ذي الحجه'],
];

function buildTable(series: string[][]): Map<string, number> {
  const map = new Map<string, number>();
  series.forEach((names, index) => {
    for (const name of names) map.set(foldForDates(name), index + 1);
  });
  return map;
}

export const GREGORIAN_MONTHS = buildTable(GREGORIAN);
export const HIJRI_MONTHS = buildTable(HIJRI);

function alternation(table: Map<string, number>): string {
  return [...table.keys()]
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'))
    .join('|');
}

/** A regex source matching one Gregorian month name (letters may not touch it). */
export const GREGORIAN_MONTH_RE = `(?<![\\p{L}])(${alternation(GREGORIAN_MONTHS)})(?![\\p{L}])\\.?`;
export const HIJRI_MONTH_RE = `(?<![\\p{L}])(${alternation(HIJRI_MONTHS)})(?![\\p{L}])`;

export function gregorianMonth(name: string): number | undefined {
  return GREGORIAN_MONTHS.get(name.replace(/\s+/g, ' ').replace(/\.$/, ''));
}

export function hijriMonth(name: string): number | undefined {
  return HIJRI_MONTHS.get(name.replace(/\s+/g, ' '));
}
