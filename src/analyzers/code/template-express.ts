/**
 * Express's `res.render('view', { … })` read as a call of a compiled template (template-compiled.ts), when the
 * object literal is everything the view sees. Express gives a view `app.locals`, `res.locals` and the call's
 * object; a project whose scripts never name `locals` (a comment naming it counts: the text is read) fills
 * neither, so a variable no render call passes is never written, and a block that needs it (`{{#each options}}`)
 * never renders. A view could also be rendered under a name built at run time: a render whose view is a name
 * (`res.render(view, …)`) could be any template, so the project is not read this way; one whose view is a
 * template literal with a fixed end (`` res.render(`${config.themeViews}checkout`, …) ``) can only be a template
 * whose name ends so; a string with more joined to it (`'item_' + kind`) could be any. What it gives up: a
 * middleware of a dependency (not part of the scan) that sets `res.locals`.
 */
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext } from '../../core/analyzer.js';
import { kindOf } from './syntax.js';
import { TemplateIndex, isScript } from './template-index.js';
import { fixedView } from './template-view-names.js';

/** What a project's scripts say about how Express views get their data. */
export interface ExpressViews {
  /** Whether a script names `locals` (`res.locals.x = …`, `app.locals`, `Object.assign(res.locals, …)`). */
  locals: boolean;
  /** The fixed ends of the view names built at run time; `any` when one has none (`res.render(view)`). */
  tails: string[] | 'any';
}

// A render by view name (Express, Koa's views, Fastify's) or of a template file: what follows is the view.
const RENDER =
  /\b(?:(?:res|response|resp|app|ctx|reply)\.(?:render|view)|\.(?:renderFile|compileFile))\s*\(\s*/g;
const RECEIVER = /^(?:res|response|resp|app|req\.app)$/;

/** The text of a template literal starting at `at` (its backtick), or undefined when it does not end. */
function templateLiteral(text: string, at: number): string | undefined {
  let depth = 0;
  for (let i = at + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (depth === 0 && c === '`') return text.slice(at, i + 1);
    else if (c === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) depth--;
  }
  return undefined;
}

const views = new TemplateIndex<ExpressViews>('the Express views rendered by name', async (texts) => {
  const out: ExpressViews = { locals: false, tails: [] };
  for await (const [, text] of texts.texts(isScript)) {
    if (/\blocals\b/.test(text)) out.locals = true;
    for (const m of text.matchAll(RENDER)) {
      const at = (m.index ?? 0) + m[0].length;
      // A fixed name, unless more is joined to it (`'item-' + kind`).
      if (fixedView(text, at)) continue;
      const literal = text[at] === '`' ? templateLiteral(text, at) : undefined;
      const after =
        literal === undefined
          ? undefined
          : /\S/.exec(text.slice(at + literal.length, at + literal.length + 200));
      if (after?.[0] !== ',' && after?.[0] !== ')') {
        out.tails = 'any';
        continue;
      }
      const tail = literal?.slice(literal.lastIndexOf('}') + 1, -1).replace(/\.\w+$/, '') ?? '';
      const base = tail.slice(tail.lastIndexOf('/') + 1);
      if (base === '' || out.tails === 'any') out.tails = 'any';
      else out.tails.push(base);
    }
  }
  return out;
});

/** How the project's Express views get their data, read once per scan; undefined when it could not be read. */
export function expressViews(ctx: AnalyzerContext, path: string): Promise<ExpressViews | undefined> {
  return views.of(ctx, path);
}

/**
 * Whether the object of every Express render naming the template `stem` (the file name without its extension) is
 * all its data: no script names `locals`, and no view name built at run time may end with `stem`.
 */
export function rendersOnlyByName(v: ExpressViews, stem: string): boolean {
  return !v.locals && v.tails !== 'any' && !v.tails.some((t) => stem.endsWith(t));
}

/**
 * The data object of `res.render('view', { … })` when `s` is that call's view: an object literal without a
 * spread or a method. Undefined when `s` is not the view of such a call.
 */
export function expressRenderData(s: SgNode): SgNode | undefined {
  const call = s.parent()?.parent();
  const fn = call && kindOf(call) === 'call_expression' ? call.field('function') : undefined;
  if (!fn || kindOf(fn) !== 'member_expression' || fn.field('property')?.text() !== 'render')
    return undefined;
  if (!RECEIVER.test(fn.field('object')?.text() ?? '')) return undefined;
  const args = call!
    .field('arguments')
    ?.children()
    .filter((c) => c.isNamed() && kindOf(c) !== 'comment');
  const data = args?.[1];
  if (args?.[0]?.id() !== s.id() || !data || kindOf(data) !== 'object') return undefined;
  if (data.children().some((c) => kindOf(c) === 'spread_element' || kindOf(c) === 'method_definition'))
    return undefined;
  return data;
}
