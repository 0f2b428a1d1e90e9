const BANNER = '<strong>Maintenance tonight</strong>';

// Fixed markup keeps its value through an assertion.
export function banner(el: HTMLElement): void {
  const html = '<em>saved</em>';
  el.innerHTML = BANNER as string;
  el.innerHTML = html!;
}
