/**
 * A template's unescaped output of a property that the program builds only from escaped or fixed parts:
 * `{{ data.bodyDataAttributes | safe }}` where every write of `bodyDataAttributes` in the project's code is
 * `req.data.bodyDataAttributes = (req.data.bodyDataAttributes || '') + ' data-' + escapeHtml(key)` writes the
 * program's own markup, its data escaped where the markup was built (the remediation the rule itself gives).
 * The property is found by its name in the project's JavaScript, TypeScript and Python: a distinctive name
 * (camelCase or snake_case, eight characters or more: a generic `html` or `content` is filled in too many
 * ways, and reading every file that says it would cost too much), written at least once, and every mention
 * of it either a read (`o.name`, `const { name } = o`), a comment, or a write (`o.name = v`, `o.name += v`,
 * `{ name: v }`) whose value is fixed text, an HTML-escaping call's result (the names the XSS rules take for
 * escaping), the property itself (markup accumulated), or `+`, a template string, a conditional or `||` of
 * those. Anything else — the name in a string (`o['name']`, `_.set(o, 'name', v)`), a shorthand `{ name }`,
 * a method called on it, a Vue or Svelte file naming it — keeps the finding. Python files are read by
 * template-escaped-py.ts: there the name may be a method or property whose every return is escaped markup
 * (`return flatatt(attrs)`). What it gives up: an object filled wholesale under that name from elsewhere
 * (`Object.assign(data, req.query)` with the attacker choosing the key).
 */
import { parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { isFixedValue } from './fixed-value.js';
import { REQUEST_PART } from './fixed-numbers.js';
import { escapeRegex } from './scope.js';
import { PYTHON, pythonOnlyEscaped } from './template-escaped-py.js';
import { scriptLanguageOf } from './languages.js';
import { kindOf } from './syntax.js';
import { TemplateIndex, isScript } from './template-index.js';
import type { ProjectTexts } from './template-index.js';
import {
  readOrWarn,
  reviewedEngine,
  templateEngineOf,
  unescapedOutputs,
  withoutOutputsAt,
} from './templates.js';
import type { TemplateEngine, UnescapedOutput } from './templates.js';

// Code the checks below do not read: a mention of the name there keeps the finding.
const OTHER_CODE = /\.(?:vue|svelte)$/;
/** A name or a member chain (`data.attrs`, `locals.attrs`): its last property is what the code writes. */
const PROPERTY_PATH = /^(?:[A-Za-z_$][\w$]*\.)*([A-Za-z_$][\w$]*)$/;
// camelCase, or snake_case as Python names its properties (`attr_string`).
const DISTINCTIVE = /^[a-z_$][\w$]*(?:[A-Z]|[a-z0-9]_[a-z])[\w$]*$/;
const MIN_LENGTH = 8;
// The HTML-escaping functions of the XSS rules' sanitizers (rules/code/xss.yaml, js-xss-response). A bare
// `encode` is any encoding (`iconv.encode(s, 'latin1')`, `base32.encode(s)`): only an HTML-entity library's
// (`he.encode`, `entities.encode`) escapes markup.
const ESCAPE =
  /^(?:escape|escapeHtml|htmlEscape|encodeHTML|htmlEncode|sanitize|sanitizeHtml|xss|filterXSS|purify)$/i;
const ENTITY_LIBRARY = /^(?:he|entities|htmlEntities|Entities|ent)$/;
const MAX_DEPTH = 12;
// Destructuring that may hold a member as a target (`[o.name] = v`, `({ a: o.name = d } = v)`).
const PATTERN_TARGETS = new Set([
  'array_pattern',
  'object_pattern',
  'pair_pattern',
  'assignment_pattern',
  'object_assignment_pattern',
  'rest_pattern',
]);

// A setting of the application's configuration object (`config.analytics`, `settings.copyright`): a plain
// lowercase word there names one setting, not any page's `content` or `title`.
const SETTING = /(?:^|\.)(?:config|settings)\.([a-z]+)$/;

/**
 * The property an output writes, when it is a plain name or member chain with a distinctive last name, or a
 * setting of the configuration object with a long enough name.
 */
function propertyOf(expr: string): string | undefined {
  const e = expr.trim();
  const p = PROPERTY_PATH.exec(e)?.[1];
  if (p === undefined || p.length < MIN_LENGTH) return undefined;
  return DISTINCTIVE.test(p) || SETTING.test(e) ? p : undefined;
}

/**
 * Each candidate property → the files whose text names it (per scan; none when a file could not be read,
 * since it may name any of them, or the project is past the index bounds).
 */
const index = new TemplateIndex('the code that writes properties templates output', buildIndex);

async function buildIndex(texts: ProjectTexts): Promise<Map<string, string[]>> {
  const candidates = new Set<string>();
  const engineOf = (p: string): TemplateEngine | undefined => {
    const dot = p.lastIndexOf('.');
    return dot > 0 ? templateEngineOf(p.slice(dot + 1).toLowerCase()) : undefined;
  };
  for await (const [p, text] of texts.texts((q) => engineOf(q) !== undefined && engineOf(q) !== 'vue'))
    for (const o of unescapedOutputs(text, engineOf(p)!)) {
      const prop = propertyOf(o.expr);
      if (prop) candidates.add(prop);
    }
  const out = new Map<string, string[]>();
  if (candidates.size === 0) return out;
  for await (const [p, text] of texts.texts((q) => isScript(q) || PYTHON.test(q) || OTHER_CODE.test(q)))
    for (const c of candidates) if (text.includes(c)) out.set(c, [...(out.get(c) ?? []), p]);
  return out;
}

/**
 * Whether `node`'s value is fixed text, escaped text, the property `prop` itself (the written target `self`,
 * or in an object literal any such member but the request's own: `req.body.name` is the sender's), or built
 * only of those.
 */
function escapedOrFixed(node: SgNode, prop: string, self?: string, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const next = (n: SgNode | null): boolean => !!n && escapedOrFixed(n, prop, self, depth + 1);
  switch (kindOf(node)) {
    case 'parenthesized_expression':
      return node.namedChildren().every((c) => next(c));
    case 'binary_expression': {
      const op = node.field('operator')?.text();
      if (op === '+' || op === '||' || op === '??' || op === '&&')
        return next(node.field('left')) && next(node.field('right'));
      break;
    }
    case 'ternary_expression':
      return next(node.field('consequence')) && next(node.field('alternative'));
    case 'template_string':
      return node
        .namedChildren()
        .filter((c) => kindOf(c) === 'template_substitution')
        .every((s) => s.namedChildren().every((c) => next(c)));
    case 'member_expression':
      if (
        node.field('property')?.text() === prop &&
        (self === undefined ? !REQUEST_PART.test(node.field('object')?.text() ?? '') : node.text() === self)
      )
        return true;
      break;
  }
  // Names bound to such values (`const attribute = escapeHtml(name)`) through the fixed-value reading, to
  // which an escaping call's result is fixed text.
  return isFixedValue(node, escapingCall);
}

/** `escapeHtml(x)`, `self.apos.util.escapeHtml(x)`: HTML-escaped text, no markup of the caller's choosing. */
function escapingCall(call: SgNode): boolean {
  const callee = call.field('function');
  const member = !!callee && kindOf(callee) === 'member_expression';
  const name = member ? callee.field('property') : callee;
  if (!name) return false;
  if (ESCAPE.test(name.text())) return true;
  const library = member ? callee.field('object') : null;
  return name.text() === 'encode' && !!library && ENTITY_LIBRARY.test(library.text());
}

/**
 * Whether the code of one file writes `prop` only with escaped or fixed values, and names it nowhere else
 * (see the module comment); `writes` counts the writes seen. False when anything is not understood.
 */
function onlyEscapedWrites(text: string, path: string, prop: string, writes: { n: number }): boolean {
  if (PYTHON.test(path)) return pythonOnlyEscaped(text, prop, writes);
  if (!isScript(path)) return false;
  // Callers check isScript first: every such path has a language of its own.
  const root = parse(scriptLanguageOf(path)!, text).root();
  const comments = root.findAll({ rule: { kind: 'comment' } });
  const exact = `^${escapeRegex(prop)}$`;
  const named = root.findAll({
    rule: {
      any: [
        { kind: 'property_identifier', regex: exact },
        { kind: 'shorthand_property_identifier_pattern', regex: exact },
        { kind: 'identifier', regex: exact },
      ],
    },
  });
  const understood: SgNode[] = [];
  for (const n of named) {
    const parent = n.parent();
    const pk = parent ? kindOf(parent) : '';
    if (kindOf(n) !== 'property_identifier') {
      // A local variable of that name, or destructuring that reads the property: neither writes it. A
      // variable given on in a shorthand `{ name }` is seen below as an unknown mention (its own node kind).
      understood.push(n);
      continue;
    }
    if (pk === 'pair' && parent!.field('key')?.id() === n.id()) {
      const value = parent!.field('value');
      if (!value || !escapedOrFixed(value, prop)) return false;
      writes.n++;
      understood.push(n);
      continue;
    }
    if (pk === 'pair_pattern') {
      understood.push(n);
      continue;
    }
    if (pk !== 'member_expression' || parent!.field('property')?.id() !== n.id()) return false;
    // `(o.name) = v` writes as `o.name = v` does.
    let target = parent!;
    let up = target.parent();
    for (let k = 0; up && kindOf(up) === 'parenthesized_expression' && k < MAX_DEPTH; k++)
      [target, up] = [up, up.parent()];
    const uk = up ? kindOf(up) : '';
    // `[o.name] = v`, `({ a: o.name } = v)`, `for (o.name of v)`: written with values not read here.
    const defaulted = uk === 'assignment_pattern' || uk === 'object_assignment_pattern';
    if (
      (PATTERN_TARGETS.has(uk) && (!defaulted || up!.field('left')?.id() === target.id())) ||
      (uk === 'for_in_statement' && up!.field('left')?.id() === target.id())
    )
      return false;
    if (
      (uk === 'assignment_expression' || uk === 'augmented_assignment_expression') &&
      up!.field('left')?.id() === target.id()
    ) {
      const op = up!.field('operator')?.text() ?? '=';
      const value = up!.field('right');
      if (!/^(?:=|\+=|\|\|=|\?\?=)$/.test(op) || !value || !escapedOrFixed(value, prop, target.text()))
        return false;
      writes.n++;
      understood.push(n);
      continue;
    }
    // `o.name.push(x)`, `o.name.x = v`, `o.name(…)`: what it holds is changed or called, not only read.
    if (
      uk === 'member_expression' ||
      (uk === 'call_expression' && up!.field('function')?.id() === target.id())
    )
      return false;
    understood.push(n);
  }
  // Every mention of the name as a word is a node understood above or sits in a comment: one in a string
  // (`o['name']`) or any other node is not.
  const word = new RegExp(`(?<![\\w$])${escapeRegex(prop)}(?![\\w$])`, 'g');
  const count = (t: string): number => [...t.matchAll(word)].length;
  return count(text) === understood.length + comments.reduce((n, c) => n + count(c.text()), 0);
}

/**
 * `findings` of a template file without the unescaped outputs of properties that the project's code builds
 * only from escaped or fixed parts (see the module comment).
 */
export async function withoutEscapedProperties(
  findings: RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
): Promise<RawFinding[]> {
  const engine = reviewedEngine(file.ext, findings);
  if (!engine) return findings;
  const outputs = unescapedOutputs(file.text, engine).filter((o) => propertyOf(o.expr) !== undefined);
  if (outputs.length === 0) return findings;
  const files = await index.of(ctx, file.path);
  if (!files) return findings;
  const escaped = new Map<string, boolean>();
  const dropped: UnescapedOutput[] = [];
  for (const o of outputs) {
    const prop = propertyOf(o.expr)!;
    let ok = escaped.get(prop);
    if (ok === undefined) {
      const writes = { n: 0 };
      ok = true;
      for (const p of files.get(prop) ?? []) {
        const text = await readOrWarn(ctx, p);
        if (typeof text !== 'string' || !onlyEscapedWrites(text, p, prop, writes)) {
          ok = false;
          break;
        }
      }
      ok = ok && writes.n > 0;
      escaped.set(prop, ok);
    }
    if (ok) dropped.push(o);
  }
  return withoutOutputsAt(findings, dropped);
}
