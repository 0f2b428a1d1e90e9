// Reads the `valid` and `invalid` cases out of an ESLint RuleTester file without running it: the file is
// parsed, and only code that is written as a literal (a string, a template without substitutions, a
// concatenation of those, or a top-level constant holding one) is taken. Cases that depend on the rule's
// options are left out, since their label holds only under a configuration Vanguard does not read.
import { Lang, parse } from '@ast-grep/napi';

const SIMPLE_ESCAPES = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', 0: '\0' };

/** The value of a JavaScript string literal's body (the text between its quotes or backticks). */
export function unescapeJs(body) {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    if (n === undefined) break;
    if (n in SIMPLE_ESCAPES && !(n === '0' && /\d/.test(body[i + 1] ?? ''))) out += SIMPLE_ESCAPES[n];
    else if (n === 'x') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (n === 'u' && body[i + 1] === '{') {
      const end = body.indexOf('}', i);
      out += String.fromCodePoint(parseInt(body.slice(i + 2, end), 16));
      i = end;
    } else if (n === 'u') {
      out += String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (n === '\r' && body[i + 1] === '\n') i += 1;
    else if (n !== '\n' && n !== '\r') out += n;
  }
  return out;
}

/** The text a literal expression stands for, or undefined when it is not fixed in the file. */
function staticText(node, constants, depth = 0) {
  if (depth > 20) return undefined;
  const kind = node.kind();
  if (kind === 'string') return unescapeJs(node.text().slice(1, -1));
  if (kind === 'template_string') {
    if (node.children().some((c) => c.kind() === 'template_substitution')) return undefined;
    return unescapeJs(node.text().slice(1, -1));
  }
  if (kind === 'parenthesized_expression') {
    const inner = node.children().find((c) => c.isNamed());
    return inner ? staticText(inner, constants, depth + 1) : undefined;
  }
  if (kind === 'binary_expression' && node.field('operator')?.text() === '+') {
    const left = staticText(node.field('left'), constants, depth + 1);
    const right = staticText(node.field('right'), constants, depth + 1);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  if (kind === 'identifier') {
    const value = constants.get(node.text());
    return value ? staticText(value, constants, depth + 1) : undefined;
  }
  return undefined;
}

/** Top-level `const|let|var NAME = <expression>` of the file, by name (the last one wins). */
function topLevelConstants(root) {
  const constants = new Map();
  for (const decl of root.findAll({ rule: { kind: 'variable_declarator' } })) {
    const name = decl.field('name');
    const value = decl.field('value');
    if (name?.kind() === 'identifier' && value) constants.set(name.text(), value);
  }
  return constants;
}

const propertyOf = (object, key) =>
  object
    .children()
    .find(
      (c) =>
        c.kind() === 'pair' &&
        c
          .field('key')
          ?.text()
          .replace(/^['"]|['"]$/g, '') === key,
    )
    ?.field('value');

/**
 * Every case of the file: `{ label: 'valid'|'invalid', code, line }`, plus `skipped` with the reason
 * for each element that could not be read as fixed code.
 */
export function ruleTesterCases(source, file = 'test.js') {
  const root = parse(Lang.JavaScript, source).root();
  const constants = topLevelConstants(root);
  const cases = [];
  const skipped = [];
  const lists = root.findAll({
    rule: { kind: 'pair', has: { field: 'key', regex: '^["\']?(valid|invalid)["\']?$' } },
  });
  for (const pair of lists) {
    const label = pair.field('key').text().replace(/['"]/g, '');
    const list = pair.field('value');
    if (list?.kind() !== 'array') {
      skipped.push({ label, line: pair.range().start.line + 1, why: 'the list is not written out' });
      continue;
    }
    for (const item of list.children().filter((c) => c.isNamed() && c.kind() !== 'comment')) {
      const line = item.range().start.line + 1;
      const codeNode = item.kind() === 'object' ? propertyOf(item, 'code') : item;
      if (item.kind() === 'object' && propertyOf(item, 'options')) {
        skipped.push({ label, line, why: 'depends on the rule options' });
        continue;
      }
      const code = codeNode ? staticText(codeNode, constants) : undefined;
      if (code === undefined) skipped.push({ label, line, why: 'not a fixed text' });
      else cases.push({ label, code, line, file });
    }
  }
  return { cases, skipped };
}
