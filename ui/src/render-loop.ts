/**
 * One render function for the whole page, re-run whenever state changes. lit-html only touches
 * the DOM parts whose values changed, so re-rendering everything stays cheap and simple.
 * Rendering is batched to one per microtask; hooks run after each render for the few things
 * that need a real element (the uPlot canvas).
 */
let renderer: (() => void) | null = null;
let scheduled = false;
const afterRenderHooks = new Set<() => void>();

export function setRenderer(fn: () => void): void {
  renderer = fn;
}

export function requestRender(): void {
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    renderer?.();
    for (const hook of afterRenderHooks) hook();
  });
}

export function afterRender(hook: () => void): void {
  afterRenderHooks.add(hook);
}
