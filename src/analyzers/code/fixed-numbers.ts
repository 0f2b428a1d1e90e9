/**
 * Values that are numbers or booleans whatever they are built from, for fixed-value.ts: no markup, quote or
 * shell word can come out of them.
 */
import type { SgNode } from '@ast-grep/napi';
import { kindOf } from './syntax.js';
import { binding } from './name-binding.js';
import { enclosingScope, laterValues } from './fixed-writes.js';

// Operators whose result is a number or a boolean whatever their operands are.
export const NUMERIC_OPERATORS =
  /^(?:-|\*|\/|%|\*\*|&|\||\^|<<|>>|>>>|<|>|<=|>=|==|===|!=|!==|instanceof|in)$/;
// Functions and methods that return a number (or its digits) or a boolean whatever they are given.
const NUMERIC_FUNCTION =
  /^(?:Number|parseInt|parseFloat|Math\.\w+|Date\.now|Number\.(?:parseInt|parseFloat|isInteger)|isNaN|isFinite|Boolean|(?:(?:window|self|globalThis)\.)?crypto\.randomUUID)$/;
// A date's parts (`new Date().getFullYear()`); not `getDate`, a name helpers also give formatted dates.
const NUMERIC_METHOD =
  /^(?:toFixed|toPrecision|getTime|indexOf|lastIndexOf|findIndex|charCodeAt|codePointAt|get(?:UTC)?(?:FullYear|Month|Day|Hours|Minutes|Seconds|Milliseconds)|getTimezoneOffset)$/;

// The day of the month, and a date's text (`toLocaleString()`, `toISOString()`, `toDateString()`…), asked of a
// Date the code made (madeDate): digits, month and day names, separators, or `Invalid Date`, whatever the Date
// was made from. A helper of the same name gives formatted text of anything, so only there.
const DATE_PART = /^(?:get(?:UTC)?Date|to(?:Locale)?(?:Date|Time)?String|to(?:UTC|GMT|ISO)String|toJSON)$/;

/**
 * Whether `obj` is a `new Date(…)` (also `new Date` without arguments, or made of anything: `new Date(row[0])`
 * is a Date), or a `const` bound to one, or a `var`/`let` of a function never given another value (`var d = new Date, label =
 * d.getDate() + '/' + …`).
 */
function madeDate(obj: SgNode): boolean {
  const isNewDate = (n: SgNode | null | undefined): boolean =>
    !!n && kindOf(n) === 'new_expression' && n.field('constructor')?.text() === 'Date';
  if (isNewDate(obj)) return true;
  if (kindOf(obj) !== 'identifier') return false;
  const b = binding(obj, obj.text());
  if (!b || b.plain !== true || kindOf(b.node) !== 'variable_declarator') return false;
  if (!isNewDate(b.node.field('value'))) return false;
  if (b.isConst) return true;
  // A `var`/`let` of a function never written again; one at a script's top level is a global other scripts
  // may write.
  const scope = enclosingScope(b.node);
  return !!scope && kindOf(scope) !== 'program' && laterValues(b.node, obj.text())?.length === 0;
}

// A field named as a count, a number of things, a total, a length or a size, as its last word
// (`count`, `doc_count`, `onlineGuestCount`, `need_sync_num`, `maxLength`, `totalSize`); not `account`.
// Also one named as a measured time (`data.timing`, `elapsed`, `query_duration`, `renderDuration`): a
// search's or a job's seconds, digits as a count is; not a word before it (`durationText`, `timingLabel`).
// Or one whose first word is a total, count or number of a plural noun after it (`total_docs`, `numItems`,
// `count_rows`): not `total_label`, `countryName` or `numberText`.
export const NUMERIC_FIELD =
  /^(?:(?:[\w$]*_)?(?:count|counts|num|total|length|size|elapsed|duration|timing)|[\w$]*[a-z0-9](?:Count|Counts|Num|Total|Length|Size|Elapsed|Duration|Timing)|(?:total|num|count)(?:_[a-z]+|[A-Z][a-z]+)s)$/;
// The parsed parts of a request, whose fields hold the sender's text whatever they are called.
export const REQUEST_PART = /(?:^|\.)(?:query|body|params|searchParams|cookies|headers)$/;

/**
 * Whether `call` calls a function or method that returns a number or a boolean, or a Date's text (DATE_PART),
 * which holds no markup, quote or shell operator either.
 */
export function numericCall(call: SgNode): boolean {
  const callee = call.field('function');
  if (!callee) return false;
  if (NUMERIC_FUNCTION.test(callee.text())) return true;
  if (kindOf(callee) !== 'member_expression') return false;
  const method = callee.field('property')?.text() ?? '';
  // jQuery's `$row.index()`, asked of nothing, is the element's position among its siblings.
  const on = callee.field('object');
  return (
    NUMERIC_METHOD.test(method) ||
    (DATE_PART.test(method) && !!on && madeDate(on)) ||
    (method === 'index' && /^\(\s*\)$/.test(call.field('arguments')?.text() ?? ''))
  );
}

// jQuery's traversals, whose result is a selection of the page's elements.
const JQUERY_TRAVERSAL =
  /^(?:children|find|filter|not|has|siblings|parent|parents|closest|next|prev|nextAll|prevAll|first|last|eq|contents)$/;

/**
 * Whether the function `fn` is the one argument of a jQuery selection's `.each` (`$('li').each(function (i,
 * el) {…})`, `$row.parent().children().each(…)`): its first parameter is the element's index, a number. Not
 * `$.each(obj, fn)` or `_.each(list, fn)`, whose first parameter is a key or an element, nor another
 * library's `.each(fn)` on a collection (`models.each((model) => …)`).
 */
export function jqueryEachIndex(fn: SgNode): boolean {
  const args = fn.parent();
  const call = args?.parent();
  if (!args || !call || kindOf(args) !== 'arguments' || kindOf(call) !== 'call_expression') return false;
  if (args.namedChildren().filter((c) => kindOf(c) !== 'comment').length !== 1) return false;
  const callee = call.field('function');
  if (!callee || kindOf(callee) !== 'member_expression' || callee.field('property')?.text() !== 'each')
    return false;
  const on = callee.field('object');
  if (!on || kindOf(on) !== 'call_expression') return false;
  if (/^(?:\$|jQuery)$/.test(on.field('function')?.text() ?? '')) return true;
  const step = on.field('function');
  return (
    !!step &&
    kindOf(step) === 'member_expression' &&
    JQUERY_TRAVERSAL.test(step.field('property')?.text() ?? '')
  );
}
