/**
 * A bar's length set through the CSSOM (element.style), which the CSP allows, rather than a
 * style="" attribute, which it forbids.
 */
import { ref } from 'lit-html/directives/ref.js';

export function barLength(fraction: number) {
  const percent = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
  return ref((el) => {
    if (el instanceof HTMLElement) el.style.inlineSize = percent;
  });
}
