/**
 * Streamed server rendering (React 18+, Next.js app router and others) sends parts of a page
 * late: the part arrives as a hidden box (`<div hidden id="S:0">…</div>`) and a small inline
 * script moves it into its placeholder (`<template id="B:0">`), e.g. `$RC("B:0","S:0")`.
 * A browser shows the part where the placeholder is, so marsad does too. Only a hidden box that
 * a script names together with a template placeholder is revealed: a hidden dialog that a
 * script merely opens on a click stays hidden.
 */
import { ElementType } from 'htmlparser2';
import type { Element } from 'domhandler';
import { prepend } from 'domutils';

/** Scripts that swap parts are tiny; big ones (bundles, JSON state) are not read. */
const MAX_SCRIPT_CHARS = 20_000;
/** Two string literals passed side by side: `("B:0","S:0")`. */
const ID_PAIR = /["']([^"'\s\\]{1,64})["']\s*,\s*["']([^"'\s\\]{1,64})["']/g;

export class StreamedParts {
  private readonly hidden = new Map<string, Element>();
  private readonly templates = new Map<string, Element>();
  private readonly scripts: string[] = [];

  /** Remembers a box hidden by the `hidden` attribute that has an id; true when it may be a streamed part. */
  defer(el: Element): boolean {
    const id = el.attribs.id;
    if (!id || !('hidden' in el.attribs) || this.hidden.has(id)) return false;
    this.hidden.set(id, el);
    return true;
  }

  noteTemplate(el: Element): void {
    const id = el.attribs.id;
    if (id && !this.templates.has(id)) this.templates.set(id, el);
  }

  noteScript(el: Element): void {
    const first = el.children[0];
    if (el.children.length === 1 && first?.type === ElementType.Text && first.data.length <= MAX_SCRIPT_CHARS) this.scripts.push(first.data);
  }

  /**
   * Moves each hidden part that a script pairs with a template placeholder to where the
   * placeholder is, visible. Returns the parts revealed; the other deferred boxes stay hidden
   * and are returned by `stillHidden`.
   */
  reveal(): Element[] {
    const revealed: Element[] = [];
    if (this.hidden.size === 0 || this.templates.size === 0) return revealed;
    for (const script of this.scripts) {
      for (const match of script.matchAll(ID_PAIR)) {
        const [a, b] = [match[1]!, match[2]!];
        const [partId, placeholderId] = this.hidden.has(b) && this.templates.has(a) ? [b, a] : this.hidden.has(a) && this.templates.has(b) ? [a, b] : [null, null];
        if (!partId || !placeholderId) continue;
        const part = this.hidden.get(partId)!;
        this.hidden.delete(partId);
        delete part.attribs.hidden;
        prepend(this.templates.get(placeholderId)!, part);
        revealed.push(part);
      }
    }
    return revealed;
  }

  /** Deferred boxes that no script revealed (and forgets them). */
  stillHidden(): Element[] {
    const rest = [...this.hidden.values()];
    this.hidden.clear();
    return rest;
  }
}
