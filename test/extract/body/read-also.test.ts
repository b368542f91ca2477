// "Read also" teaser lines and section labels are recognised in several languages, not only English and Arabic.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../src/index.js';

const ES = [
  'El ayuntamiento aprobó el martes la ampliación de la red de autobuses nocturnos hasta los barrios del norte, tras un año de quejas.',
  'Las nuevas líneas empezarán a funcionar en marzo, y el consistorio revisará el número de viajeros seis meses después de su puesta en marcha.',
  'Los vecinos celebraron la decisión, aunque piden que el servicio llegue también a los pueblos del área metropolitana durante el fin de semana.',
];

describe('read-also lines in other languages', () => {
  it('drops a Spanish "Lea también:" teaser line between paragraphs', () => {
    const html = `<!doctype html><html lang="es"><head><title>Autobuses nocturnos</title></head><body><article><h1>Autobuses nocturnos</h1>
      <p>${ES[0]}</p><p>Lea también: <a href="/otra">El metro cerrará dos estaciones por obras en verano</a></p><p>${ES[1]}</p><p>${ES[2]}</p></article></body></html>`;
    const a = extractArticle(html);
    expect(a.blocks.map((b) => b.text)).toEqual(ES);
  });

  it('ends the article at a Polish "Czytaj też" label followed by other stories', () => {
    const html = `<!doctype html><html lang="pl"><head><title>Nocne autobusy</title></head><body><article><h1>Nocne autobusy</h1>
      ${ES.map((p) => `<p>${p}</p>`).join('')}<h3>Czytaj też</h3><p><a href="/a">Inny artykuł</a> o czymś zupełnie innym</p></article></body></html>`;
    const a = extractArticle(html);
    expect(a.blocks.map((b) => b.text)).toEqual(ES);
  });
});
