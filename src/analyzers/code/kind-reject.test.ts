import { Lang, parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { FileIndex } from './file-index.js';
import { kindExcludes } from './kind-reject.js';
import type { Matcher } from './rule-schema.js';

const CODE = `
const express = require('express');
const app = express();
app.get('/a', (req, res) => res.send(req.query.q));
app.post('/b', function (request, response) { response.end(request.body); });
http.get('http://x', (res) => res.resume());
socket.on('run', runTool);
function runTool(name, ack) { ack(name); }
const onMessage = (data) => data;
class C { m(x) { return x; } *g(y) { yield y; } }
const o = { k: (a) => a, f: function (b) { return b; } };
export default function Page({ params }) { return params; }
`;

// Shapes the rules' parameter sources use: kinds, `any`, `all`, `not`, nested `inside` with and without stopBy.
const RULES: Record<string, unknown>[] = [
  {
    not: { has: { field: 'parameters', has: { nthChild: 1, regex: '^res$' } } },
    inside: {
      kind: 'arguments',
      inside: {
        kind: 'call_expression',
        has: {
          field: 'function',
          kind: 'member_expression',
          has: { field: 'property', regex: '^(get|post)$' },
        },
      },
    },
  },
  {
    all: [
      {
        any: [
          { kind: 'function_declaration', has: { field: 'name', pattern: '$H' } },
          {
            any: [{ kind: 'function_expression' }, { kind: 'arrow_function' }],
            inside: { kind: 'variable_declarator', has: { field: 'name', pattern: '$H' } },
          },
        ],
      },
      {
        inside: {
          stopBy: 'end',
          kind: 'program',
          has: {
            stopBy: 'end',
            kind: 'call_expression',
            has: { field: 'arguments', has: { nthChild: 2, pattern: '$H' } },
          },
        },
      },
    ],
  },
  { any: [{ kind: 'function_expression' }, { kind: 'arrow_function' }], inside: { kind: 'pair' } },
  { kind: 'method_definition', inside: { stopBy: 'neighbor', kind: 'class_body', field: 'body' } },
  { any: [{ kind: 'arrow_function' }], inside: { stopBy: 'end', kind: 'export_statement' } },
  { not: { kind: 'arrow_function' } },
  { inside: { kind: 'program' } },
];

function nodesOf(root: SgNode): SgNode[] {
  const out: SgNode[] = [];
  const todo = [root];
  for (let n = todo.pop(); n; n = todo.pop()) {
    out.push(n);
    todo.push(...n.children());
  }
  return out;
}

describe('kindExcludes', () => {
  const root = parse(Lang.JavaScript, CODE).root();
  const nodes = nodesOf(root);

  it('excludes only nodes the rule does not match, at every node of a tree', () => {
    let excluded = 0;
    for (const rule of RULES) {
      for (const n of nodes) {
        if (!kindExcludes(rule, n)) continue;
        excluded++;
        expect(n.matches({ rule }), `${JSON.stringify(rule)} at ${n.kind()} ${n.text()}`).toBe(false);
      }
    }
    expect(excluded).toBeGreaterThan(nodes.length);
  });

  it('reads the kind, the parent through an inside without stopBy, and an any whose every alternative fails', () => {
    const fn = (text: string): SgNode => {
      const n = nodes.find(
        (x) => /function|arrow|method/.test(String(x.kind())) && x.text().startsWith(text),
      );
      if (!n) throw new Error(text);
      return n;
    };
    const [route, , pairArrow] = RULES;
    // A handler in a call's arguments is left to ast-grep; a declaration's parent is no `arguments`.
    expect(kindExcludes(route, fn('(req, res)'))).toBe(false);
    expect(kindExcludes(route, fn('function runTool'))).toBe(true);
    expect(kindExcludes(pairArrow, fn('(a) => a'))).toBe(false);
    expect(kindExcludes(pairArrow, fn('(data) => data'))).toBe(true);
    expect(kindExcludes(pairArrow, fn('m(x)'))).toBe(true);
    // A `not`, and an `inside` with stopBy: end, exclude nothing.
    expect(nodes.filter((n) => kindExcludes(RULES[5], n))).toEqual([]);
    for (const n of nodes) expect(kindExcludes(RULES[4], n)).toBe(n.kind() !== 'arrow_function');
    // The root has no parent: an inside fails there.
    expect(kindExcludes(RULES[6], root)).toBe(true);
  });

  it('leaves FileIndex.matches answering as node.matches does', () => {
    for (const rule of RULES) {
      const index = new FileIndex();
      const m = { rule } as Matcher;
      for (const n of nodes) expect(index.matches(root, n, m)).toBe(n.matches(m));
    }
  });
});
