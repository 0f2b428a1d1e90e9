import { useEffect, useState } from 'preact/hooks';

/** The browser location as the app routes it. */
export interface Loc {
  path: string;
  query: URLSearchParams;
}

const current = (): Loc => ({ path: location.pathname, query: new URLSearchParams(location.search) });
const listeners = new Set<() => void>();

/** Goes to a page of the app without reloading (history entry unless `replace`). */
export function navigate(url: string, replace = false): void {
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  for (const l of listeners) l();
  if (!replace) window.scrollTo(0, 0);
}

addEventListener('popstate', () => {
  for (const l of listeners) l();
});

/** The current location; re-renders on navigation and on back/forward. */
export function useLocation(): Loc {
  const [loc, setLoc] = useState(current);
  useEffect(() => {
    const l = () => setLoc(current());
    listeners.add(l);
    return () => void listeners.delete(l);
  }, []);
  return loc;
}

/**
 * Plain links (`<a href="/findings">`) navigate inside the app: one listener on the document, so
 * every link stays a real link (middle-click, copy address, open in a new tab all work).
 */
export function interceptLinks(): void {
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest('a');
    if (!a || a.target || a.hasAttribute('download')) return;
    const url = new URL(a.href, location.href);
    if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
    e.preventDefault();
    navigate(url.pathname + url.search);
  });
}

/** Matches a path against patterns like `/findings/:id`; returns the parameters or undefined. */
export function match(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/');
  const s = path.replace(/\/+$/, '').split('/');
  if (p.length !== s.length && !(pattern === '/' && path === '/')) return undefined;
  const out: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    const seg = p[i]!;
    const val = s[i] ?? '';
    if (seg.startsWith(':')) {
      if (!val) return undefined;
      out[seg.slice(1)] = decodeURIComponent(val);
    } else if (seg !== val) return undefined;
  }
  return out;
}
