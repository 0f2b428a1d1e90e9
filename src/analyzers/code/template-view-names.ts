/**
 * When a view's name written elsewhere in a script cannot be a view: a project whose every render names its view
 * by a fixed string (`res.render('show', { … })`, never `res.render(view, …)`) can render a template only where
 * its name is written as a render's view. The same word written for something else (`gitSpawn(['show', rev])`,
 * `page.urlFor('show')`, `this.lastCommand = 'show'`) then names no view, when it is handed only to the
 * project's own code, whose renders the reading covers: an argument (or an element of an array argument) of a
 * function the file declares, of a method of `this` the file defines (not one inherited), or of a name the file
 * binds to a relative module; or the value of a property of `this`. A word handed to a dependency
 * (`errorPages({ notFound: 'show' })`) could be a view that dependency renders with data of its own, so it keeps
 * the finding. Tests and copies of well-known libraries (outsideTheApp) are passed over. What it gives up: a
 * method a relative module's class inherits from a dependency (`Page.display('show')` where the module's `Page`
 * extends a dependency's renderer), and a function of the project that hands its parameter on to a dependency
 * rendering views by name under a method not named so (`function mail(v) { app.mailer.send(v, data) }`).
 *
 * Every call of a method named `render`, `view`, `renderFile`, `compileFile` or `compile` (`pug.compile(fs.
 * readFileSync(file))` renders a view by name outside a render) in the project's scripts is read,
 * whatever its receiver (so a response renamed `rs` counts): one whose first argument is not a fixed string
 * makes every word unsure, unless its receiver is a name the file binds to a relative module (the project's own
 * Markdown renderer's `renderer.render(text)`: that module's renders are read like any other file's). A call
 * with no argument names no view.
 */
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext } from '../../core/analyzer.js';
import { roleFromPath } from '../../core/file-role.js';
import { isLibraryCopy } from '../../core/library-copy.js';
import { escapeRegex } from './scope.js';
import { kindOf } from './syntax.js';
import { TemplateIndex, isScript } from './template-index.js';

const RENDER_CALL = /([\w$]+)?(?:\.[\w$]+)*\.(?:render|view|renderFile|compileFile|compile)\s*\(\s*/g;
const RENDER_NAME = /^(?:render\w*|view|compile\w*)$/i;

/** Whether `text` binds `name` to a relative module: `const x = require('./x')`, `import x from '../x'`. */
export function boundToRelativeModule(text: string, name: string): boolean {
  const n = escapeRegex(name);
  return new RegExp(
    `(?:\\b(?:var|let|const)\\s+${n}\\s*=\\s*require\\(\\s*['"]\\.\\.?/` +
      `|\\bimport\\s+(?:\\*\\s+as\\s+)?${n}\\s+from\\s+['"]\\.\\.?/)`,
  ).test(text);
}

/**
 * Whether the call whose arguments start at `at` (just past its opening parenthesis) names its view by one fixed
 * string, or passes nothing: a quoted string or a template literal without `${…}` that ends the argument
 * (`'item-' + kind` does not).
 */
export function fixedView(text: string, at: number): boolean {
  const q = text[at];
  if (q === ')') return true;
  if (q !== "'" && q !== '"' && q !== '`') return false;
  let i = at + 1;
  for (; i < text.length && text[i] !== q; i++) {
    if (text[i] === '\\') i++;
    else if (q === '`' ? text.startsWith('${', i) : text[i] === '\n') return false;
  }
  if (i >= text.length) return false;
  const next = /\S/.exec(text.slice(i + 1, i + 200));
  return next?.[0] === ',' || next?.[0] === ')';
}

const views = new TemplateIndex<boolean>('the views rendered by a fixed name', async (texts) => {
  for await (const [, text] of texts.texts(isScript)) {
    for (const m of text.matchAll(RENDER_CALL)) {
      if (fixedView(text, (m.index ?? 0) + m[0].length)) continue;
      const receiver = m[1];
      if (receiver && receiver !== 'this' && boundToRelativeModule(text, receiver)) continue;
      return false;
    }
  }
  return true;
});

/** Whether every render of the project names its view by a fixed string; undefined when it was not read. */
export function viewsAllFixed(ctx: AnalyzerContext, path: string): Promise<boolean | undefined> {
  return views.of(ctx, path);
}

/**
 * A script that is not part of the running application: a test (its renders serve no one) or a copy of a
 * well-known library (jQuery's `"show"` effect names its own animation). Its words name none of the views.
 */
export const outsideTheApp = (path: string, text: string): boolean =>
  roleFromPath(path) === 'test' || isLibraryCopy(path, text);

/** Whether the script `text` declares a function `name` (`function name(…)`, `const name = (…) =>`). */
function declaresFunction(text: string, name: string): boolean {
  const n = escapeRegex(name);
  return new RegExp(
    `\\bfunction\\s+${n}\\s*\\(|\\b(?:var|let|const)\\s+${n}\\s*=\\s*(?:async\\s+)?(?:function\\b|\\([^)]*\\)\\s*=>|[\\w$]+\\s*=>)`,
  ).test(text);
}

/**
 * Whether the script `text` defines a method `name` itself (`X.prototype.name = …`, `name(…) { … }` in a class or
 * object, `name: function`, `this.name = …`): one a class inherits from a dependency is not the project's code.
 */
function definesMethod(text: string, name: string): boolean {
  if (!/^[\w$]+$/.test(name)) return false;
  const n = escapeRegex(name);
  return new RegExp(
    `\\.prototype\\.${n}\\s*=|\\bthis\\.${n}\\s*=[^=]|^[ \\t]*(?:static\\s+)?(?:async\\s+)?${n}\\s*\\([^)]*\\)\\s*\\{|\\b${n}\\s*:\\s*(?:async\\s+)?(?:function\\b|\\([^)]*\\)\\s*=>)`,
    'm',
  ).test(text);
}

/**
 * Whether the string `s` of the script `text` is handed only to the project's own code, not as a view (see the
 * module comment); the caller has checked that every render names its view by a fixed string.
 */
export function handedToOwnCode(s: SgNode, text: string): boolean {
  let node = s;
  let parent = s.parent();
  if (parent && kindOf(parent) === 'array') {
    node = parent;
    parent = parent.parent();
  }
  if (!parent) return false;
  if (kindOf(parent) === 'assignment_expression') {
    const left = parent.field('left');
    return (
      parent.field('right')?.id() === node.id() &&
      !!left &&
      kindOf(left) === 'member_expression' &&
      kindOf(left.field('object') ?? left) === 'this'
    );
  }
  if (kindOf(parent) !== 'arguments') return false;
  const call = parent.parent();
  const fn = call && kindOf(call) === 'call_expression' ? call.field('function') : undefined;
  if (!fn) return false;
  if (kindOf(fn) === 'identifier')
    return (
      !RENDER_NAME.test(fn.text()) &&
      (declaresFunction(text, fn.text()) || boundToRelativeModule(text, fn.text()))
    );
  if (kindOf(fn) !== 'member_expression') return false;
  if (RENDER_NAME.test(fn.field('property')?.text() ?? '')) return false;
  const object = fn.field('object');
  if (!object) return false;
  if (kindOf(object) === 'this') return definesMethod(text, fn.field('property')?.text() ?? '');
  return kindOf(object) === 'identifier' && boundToRelativeModule(text, object.text());
}
