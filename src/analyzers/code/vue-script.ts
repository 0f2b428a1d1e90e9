/**
 * What a Vue single-file component's `<script setup>` binds a name to, for its template: a `v-html` of a
 * top-level `const` whose value is fixed by the component's own text (a translation of a literal key whose
 * values are themselves fixed, `const msg = $t('upload.msg', { button: `<b>${$t('upload.button')}</b>` })`)
 * writes no data. Anything else (a prop, a `ref`, a computed value, a `let`) stays unresolved.
 */
import { Lang, parse } from '@ast-grep/napi';
import { isFixedValue } from './fixed-value.js';
import { kindOf } from './syntax.js';

// Translation functions whose result is fixed when their key and values are.
const TRANSLATION_CALL = /^(?:\$t|t|i18n\.t|\$i18n\.t|i18next\.t)\(/;

/** The `<script …>` blocks of a component: attributes and body (found by indexOf: linear on any text). */
function scripts(text: string): { attrs: string; body: string }[] {
  const out: { attrs: string; body: string }[] = [];
  for (let at = text.indexOf('<script'); at >= 0;) {
    const open = text.indexOf('>', at);
    const close = open < 0 ? -1 : text.indexOf('</script>', open);
    if (close < 0) break;
    out.push({ attrs: text.slice(at + 7, open), body: text.slice(open + 1, close) });
    at = text.indexOf('<script', close);
  }
  return out;
}

/** Whether the `<script setup>` of the component `text` binds `name` with `const` to a fixed value. */
export function vueConstIsFixed(text: string, name: string): boolean {
  if (!/^[A-Za-z_$][\w$]*$/.test(name)) return false;
  for (const { attrs, body } of scripts(text)) {
    if (!/\bsetup\b/.test(attrs)) continue;
    const lang = /\blang\s*=\s*["']ts["']/.test(attrs) ? Lang.TypeScript : Lang.JavaScript;
    const root = parse(lang, body).root();
    for (const stmt of root.children()) {
      if (kindOf(stmt) !== 'lexical_declaration' || !/^const\b/.test(stmt.text())) continue;
      for (const d of stmt.children()) {
        if (kindOf(d) !== 'variable_declarator' || d.field('name')?.text() !== name) continue;
        const value = d.field('value');
        return (
          !!value &&
          isFixedValue(
            value,
            () => false,
            (call) => TRANSLATION_CALL.test(call.text()),
          )
        );
      }
    }
  }
  return false;
}
