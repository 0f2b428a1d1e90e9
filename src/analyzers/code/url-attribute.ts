/**
 * The browser's own URL inside a double-quoted attribute (sink class `html`). `location.href`,
 * `location.search`, `location.hash`, `location.pathname`, `document.URL` and the like are serialised by the
 * browser per the URL Standard: `"`, `<` and `>` are percent-encoded in every component (the path, query and
 * fragment percent-encode sets; a host cannot hold them), so such a value, read as it is, cannot close a
 * double-quoted attribute value or open a tag: `'<a href="/logout?returnto=' + location.href + '">'` writes
 * text into one attribute. What it may still hold is `'`, so a single-quoted attribute, an unquoted one, an
 * event handler (`onclick="go('…')"`, where `'` ends a script string), a `style` or `srcdoc` value, one that
 * starts with a `javascript:` URL and any text or script context stay reported, as does a decoded or sliced
 * value (`decodeURIComponent(location.hash)`, `location.hash.slice(1)`), which is no longer the serialisation,
 * and markup decoded after the URL is joined into it (`decodeURIComponent('<a href="' + location.href + '">')`).
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';

/** Access paths of the browser's serialised URLs (not `window.name`, which is any text). */
const SERIALISED_URL =
  /^(?:(?:window|document)\.)?location\.(?:href|search|hash|pathname)$|^document\.(?:URL|documentURI|baseURI|referrer)$/;

/** The text a JavaScript string literal holds (escapes read as the character they escape). */
function literalText(node: SgNode): string {
  return node
    .text()
    .replace(/^['"]|['"]$/g, '')
    .replace(/\\(.)/g, '$1');
}

/** The markup an expression builds, literals as written and any other value as plain text (`x`). */
function builtText(node: SgNode): string {
  const k = kindOf(node);
  if (k === 'string') return literalText(node);
  if (k === 'parenthesized_expression') {
    const inner = node.namedChildren()[0];
    return inner ? builtText(inner) : 'x';
  }
  if (k === 'binary_expression' && node.field('operator')?.text() === '+') {
    const l = node.field('left');
    const r = node.field('right');
    return (l ? builtText(l) : 'x') + (r ? builtText(r) : 'x');
  }
  if (k === 'template_string') return templateText(node, undefined);
  return 'x';
}

/** A template's text up to `stop` (a substitution of it), or whole: fragments as written, substitutions as `x`. */
function templateText(tpl: SgNode, stop: SgNode | undefined): string {
  let out = '';
  for (const c of tpl.children()) {
    if (stop && c.id() === stop.id()) break;
    const k = kindOf(c);
    if (k === 'string_fragment') out += c.text();
    else if (k === 'escape_sequence') out += c.text().slice(1);
    else if (k === 'template_substitution') out += 'x';
  }
  return out;
}

/**
 * The markup built before `node` by the `+` chain or template that holds it as an operand, or undefined when
 * it is no direct operand of one (an argument, a method's receiver, a `+=`).
 */
function markupBefore(node: SgNode): string | undefined {
  let cur = node;
  let before = '';
  let joined = false;
  for (let i = 0; i < 64; i++) {
    const p = cur.parent();
    if (!p) break;
    const k = kindOf(p);
    if (k === 'parenthesized_expression') {
      cur = p;
      continue;
    }
    if (k === 'binary_expression' && p.field('operator')?.text() === '+') {
      const l = p.field('left');
      if (l && l.id() !== cur.id()) before = builtText(l) + before;
      joined = true;
      cur = p;
      continue;
    }
    if (k === 'template_substitution') {
      const tpl = p.parent();
      if (!tpl || kindOf(tpl) !== 'template_string') return undefined;
      before = templateText(tpl, p) + before;
      joined = true;
      cur = tpl;
      continue;
    }
    break;
  }
  return joined ? before : undefined;
}

/**
 * Whether markup ends inside a double-quoted value of an attribute other than an event handler, `style` or
 * `srcdoc`, and not one that starts a `javascript:`, `vbscript:` or `data:` URL, nor within a script or style element.
 */
export function endsInQuotedAttribute(html: string): boolean {
  // Inside a script or style element the text is code, whatever quotes it holds.
  const raw = html.toLowerCase();
  if (
    Math.max(raw.lastIndexOf('<script'), raw.lastIndexOf('<style')) >
    Math.max(raw.lastIndexOf('</script'), raw.lastIndexOf('</style'))
  )
    return false;
  let state: 'text' | 'tag' | 'dq' | 'sq' = 'text';
  let name = '';
  let last = '';
  let attr = '';
  let value = '';
  for (let i = 0; i < html.length; i++) {
    const c = html[i]!;
    if (state === 'text') {
      if (c === '<' && /[A-Za-z]/.test(html[i + 1] ?? '')) {
        state = 'tag';
        name = last = attr = '';
      }
    } else if (state === 'tag') {
      if (c === '>') state = 'text';
      else if (c === '"') {
        state = 'dq';
        value = '';
      } else if (c === "'") state = 'sq';
      else if (c === '=') attr = name || last;
      else if (/[\s/]/.test(c)) {
        if (name) last = name;
        name = '';
      } else name += c;
    } else if (state === 'dq') {
      if (c === '"') {
        state = 'tag';
        name = last = attr = '';
      } else value += c;
    } else if (c === "'") {
      state = 'tag';
      name = last = attr = '';
    }
  }
  return (
    state === 'dq' &&
    attr !== '' &&
    !/^(?:on|style$|srcdoc$)/i.test(attr) &&
    !/^\s*(?:javascript|vbscript|data)\s*:/i.test(value)
  );
}

/** Calls that turn percent-escapes back into the characters (`%22` into `"`). */
const DECODER = /^(?:[\w$]+\.)*(?:decodeURI|decodeURIComponent|unescape)$/;

/**
 * Whether the expression holding `node` is decoded before it is written (`decodeURIComponent('<a href="' +
 * location.href + '">')`): a call of a decoder among its ancestors, up to the statement.
 */
function decodedLater(node: SgNode): boolean {
  let cur: SgNode | null = node.parent();
  for (let i = 0; cur && i < 64; i++, cur = cur.parent()) {
    const k = kindOf(cur);
    if (/statement$|declaration$|^program$/.test(k)) return false;
    if (k === 'call_expression' && DECODER.test(cur.field('function')?.text() ?? '')) return true;
  }
  return false;
}

/**
 * A read of the browser's serialised URL (`srcPath`) at `node` that the markup around it holds in a
 * double-quoted attribute, and that no decoder turns back into quotes afterwards.
 */
export function urlInQuotedAttribute(node: SgNode, srcPath: string): boolean {
  if (!SERIALISED_URL.test(srcPath)) return false;
  const before = markupBefore(node);
  return before !== undefined && endsInQuotedAttribute(before) && !decodedLater(node);
}
