import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';

/**
 * What a page draws first: what is on the first screen. Parts further down (charts, the heat map)
 * wait until the page comes near them or the browser is idle, so the first screen is not held up
 * by work the reader cannot see yet.
 */

const NEAR_PX = 200;

function whenIdle(fn: () => void): () => void {
  // Safari has no requestIdleCallback: a short timeout stands in.
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(fn, { timeout: 1500 });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 200);
  return () => clearTimeout(id);
}

/** Whether an element is on the screen or within NEAR_PX of it. */
export function nearView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.top < innerHeight + NEAR_PX && r.bottom > -NEAR_PX;
}

/** Calls `fn` once `el` comes near the screen or the browser is idle; returns the cancel. */
export function whenNearOrIdle(el: Element, fn: () => void): () => void {
  const seen = new IntersectionObserver((e) => e.some((x) => x.isIntersecting) && fn(), {
    rootMargin: `${NEAR_PX}px`,
  });
  seen.observe(el);
  const stop = whenIdle(fn);
  return () => {
    seen.disconnect();
    stop();
  };
}

/** Its children on the first screen at once; further down, when near or idle (room kept meanwhile). */
export function Deferred({ children }: { children: ComponentChildren }) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el || shown) return;
    if (nearView(el)) setShown(true);
    else return whenNearOrIdle(el, () => setShown(true));
  }, [shown]);
  return shown ? children : html`<div ref=${box} class="deferred" aria-busy="true"></div>`;
}
