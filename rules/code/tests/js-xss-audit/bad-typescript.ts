// An assertion about the markup's type changes nothing of the markup.
export function show(el: HTMLElement, reply: unknown, note?: string): void {
  // ruleid: code/js-xss-audit
  el.innerHTML = reply as string;
  // ruleid: code/js-xss-audit
  el.insertAdjacentHTML('beforeend', note!);
}
