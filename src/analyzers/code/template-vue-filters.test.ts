import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { exportedFunctionSanitizes } from './vue-script.js';

const COMPONENT = 'src/components/Note.vue';
const PAGE = '<template>\n  <p v-html="$filters.br(note.text)"></p>\n</template>\n';
const MAIN = "import * as filters from './filters';\napp.config.globalProperties.$filters = filters;\n";
const BR =
  "import sanitizeHtml from 'sanitize-html';\nexport function br(t) {\n  return sanitizeHtml(t);\n}\n";

let n = 0;
/** The lines of Note.vue's unescaped-output findings in a project of `files` (beside the component). */
async function lines(files: Record<string, string>, page = PAGE): Promise<number[]> {
  const ctx = makeMemoryContext(
    { ...files, [COMPONENT]: page },
    { profile: 'audit' },
    `/virtual-vue-filters-${n++}`,
  );
  const found = await codeAnalyzer.analyze(makeSourceFile(COMPONENT, page), ctx);
  return found.filter((f) => f.ruleId === 'code/template-audit-unescaped').map((f) => f.location.startLine);
}

describe('v-html of a global filter that sanitizes', () => {
  it('drops the output when the global is a module imported whole whose export sanitizes', async () => {
    expect(await lines({ 'src/main.js': MAIN, 'src/filters.js': BR })).toEqual([]);
    // Vue 2's prototype, a TypeScript module.
    const vue2 = MAIN.replace('app.config.globalProperties', 'Vue.prototype');
    expect(await lines({ 'src/main.ts': vue2, 'src/filters.ts': BR })).toEqual([]);
  });

  it.each([
    [
      'the global bound to two modules',
      {
        'src/main.js': MAIN,
        'src/admin.js': MAIN.replace("'./filters'", "'./raw'"),
        'src/filters.js': BR,
        'src/raw.js': BR,
      },
    ],
    [
      'the global bound to an object literal',
      { 'src/main.js': 'app.config.globalProperties.$filters = { br };\n', 'src/filters.js': BR },
    ],
    ['an import that resolves to no file of the scan', { 'src/main.js': MAIN }],
    ['the function not exported', { 'src/main.js': MAIN, 'src/filters.js': BR.replace('export ', '') }],
    [
      'a return of the raw text',
      { 'src/main.js': MAIN, 'src/filters.js': BR.replace('sanitizeHtml(t)', "t.replace(/\\n/g, '<br>')") },
    ],
  ])('keeps it for %s', async (_, files) => {
    expect(await lines(files)).toEqual([2]);
  });

  it.each([
    [
      'a defineProperty of the same global',
      "Object.defineProperty(app.config.globalProperties, '$filters', { value: raw });\n",
    ],
    ['an object key of the same name', 'Object.assign(app.config.globalProperties, { $filters: raw });\n'],
  ])('keeps it for %s elsewhere', async (_, other) => {
    const files = { 'src/main.js': MAIN, 'src/plugin.js': other, 'src/filters.js': BR };
    expect(await lines(files)).toEqual([2]);
  });

  it('keeps it when the component template binds the name itself', async () => {
    const page = PAGE.replace('<p ', '<p v-for="$filters in sets" ');
    expect(await lines({ 'src/main.js': MAIN, 'src/filters.js': BR }, page)).toEqual([2]);
  });

  it('keeps it when the v-html writes more than the call', async () => {
    const page = PAGE.replace('$filters.br(note.text)', '$filters.br(note.text) + note.tail');
    expect(await lines({ 'src/main.js': MAIN, 'src/filters.js': BR }, page)).toEqual([2]);
  });
});

describe('exportedFunctionSanitizes', () => {
  const fn = (guard: string, ret = 't') =>
    `export function br(t) {\n  if (${guard}) return ${ret};\n  return DOMPurify.sanitize(t);\n}\n`;
  it.each(["typeof t === 'undefined'", 't == null', 't === undefined', 'null === t', '!t'])(
    'takes the parameter returned where `%s`',
    (guard) => expect(exportedFunctionSanitizes(fn(guard), false, 'br')).toBe(true),
  );
  it.each([
    ["typeof t === 'string'", 't'],
    ['!t.length', 't'],
    ['!t || t.raw', 't'],
    ['!u', 'u'],
  ])('keeps a parameter returned where `%s`', (guard, ret) =>
    expect(exportedFunctionSanitizes(fn(guard, ret), false, 'br')).toBe(false),
  );
  it('keeps a branch that changes the value before returning it', () => {
    const text =
      'export function br(t) {\n  if (!t) {\n    t = location.hash;\n    return t;\n  }\n  return DOMPurify.sanitize(t);\n}\n';
    expect(exportedFunctionSanitizes(text, false, 'br')).toBe(false);
  });
  it('keeps a return in the else branch of the check', () => {
    const text = 'export function br(t) {\n  if (!t) return "";\n  else return t;\n}\n';
    expect(exportedFunctionSanitizes(text, false, 'br')).toBe(false);
  });
});

describe('exportedFunctionSanitizes: the export', () => {
  const body = '(t) {\n  return DOMPurify.sanitize(t);\n}';
  it.each([
    ['a function declaration', `export function br${body}\n`, true],
    ['a const arrow function', 'export const br = (t) => DOMPurify.sanitize(t);\n', true],
    ['a let, which may be rebound', 'export let br = (t) => DOMPurify.sanitize(t);\n', false],
    ['a method of the default export', `export default {\n  br${body},\n};\n`, false],
    ['a function not exported', `function br${body}\n`, false],
  ])('%s', (_, text, ok) => expect(exportedFunctionSanitizes(text, false, 'br')).toBe(ok));
});
