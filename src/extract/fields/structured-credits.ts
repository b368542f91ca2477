/**
 * Credit strings from a JSON-LD author/creator value: a string, a Person or Organization
 * object (or an @id reference to one), or an array of them. A Person may give only
 * givenName and familyName; an Organization is marked so that it ranks below people.
 */
import { decodeHTML } from 'entities/decode';
import { isJsonObject, resolveRef, typesOf, type JsonObject } from '../structured/json-ld.js';
import type { CreditText } from './authors.js';

type JsonValue = JsonObject[string];

const ORG_TYPE = /Organization|Organisation|NewsMedia|Corporation|WebSite|Brand/i;

function text(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return value.includes('&') ? decodeHTML(value) : value;
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

function nameOf(node: JsonObject): string | null {
  const name = text(node.name);
  if (name && name.trim()) return name;
  const given = text(node.givenName);
  const family = text(node.familyName);
  if (given || family) return [given, family].filter(Boolean).join(' ');
  return text(node.alternateName);
}

export function jsonLdCredits(value: JsonValue | undefined, byId: Map<string, JsonObject>): CreditText[] {
  const out: CreditText[] = [];
  const queue: Array<JsonValue | undefined> = [value];
  while (queue.length > 0 && out.length < 30) {
    const item = resolveRef(queue.shift(), byId);
    if (typeof item === 'string') out.push({ text: item.includes('&') ? decodeHTML(item) : item });
    else if (Array.isArray(item)) queue.push(...item);
    else if (isJsonObject(item)) {
      const name = nameOf(item);
      if (name) out.push({ text: name, org: typesOf(item).some((t) => ORG_TYPE.test(t)) || (typesOf(item).length === 0 && isJsonObject(item.logo)) });
    }
  }
  return out;
}
