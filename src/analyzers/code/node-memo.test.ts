import { describe, expect, it } from 'vitest';
import type { SgNode } from '@ast-grep/napi';
import { callTargets } from './call-targets.js';
import { languageOf } from './languages.js';
import { NodeMemo } from './node-memo.js';
import { singleModule } from './project.js';
import { behindSlash } from './slash-guard.js';
import { accessPath } from './sources.js';
import { syntaxOf } from './syntax.js';
import { readsMember, readsMemberOf } from './taint-shapes.js';

const JS = languageOf('js')!;
const syn = syntaxOf('javascript');

const TEXT = `function load(p) { return fs.readFileSync('/' + p); }
app.get('/a', (req, res) => {
  const f = req.query.file;
  res.send(load(f) + req.body.items[0].name + \`/\${f}\` + a.b().c);
  other(f);
});
`;

function everyNode(root: SgNode): SgNode[] {
  const out: SgNode[] = [];
  const walk = (n: SgNode): void => {
    out.push(n);
    for (const c of n.children()) walk(c);
  };
  walk(root);
  return out;
}

describe('NodeMemo', () => {
  it('answers as the computation it keeps, for every node, asked twice', () => {
    const view = singleModule('a.js', TEXT, JS);
    const { root, index } = view.entry;
    const paths = new NodeMemo<string | undefined>();
    const slashed = new NodeMemo<boolean>();
    for (let round = 0; round < 2; round++) {
      // Fresh wrappers each round: the answers are kept by node id, not by the wrapper object.
      for (const n of everyNode(root)) {
        expect(paths.of(index, n, () => accessPath(n, syn))).toBe(accessPath(n, syn));
        expect(readsMemberOf(index, syn, n)).toBe(readsMember(syn, n));
        expect(slashed.of(index, n, () => behindSlash(n))).toBe(behindSlash(n));
      }
    }
  });

  it('keeps the answers of each file apart', () => {
    const a = singleModule('a.js', 'x.y;', JS).entry;
    const b = singleModule('b.js', 'x.y;', JS).entry;
    const memo = new NodeMemo<string>();
    const na = a.root.child(0)!;
    const nb = b.root.child(0)!;
    expect(memo.of(a.index, na, () => 'a')).toBe('a');
    expect(memo.of(b.index, nb, () => 'b')).toBe('b');
    expect(memo.of(a.index, na, () => 'other')).toBe('a');
  });
});

describe('callTargets', () => {
  it('finds a local function only when asked for local ones, and gives the same answer again', () => {
    const view = singleModule('a.js', TEXT, JS);
    const calls = view.entry.root.findAll({ rule: { pattern: 'load($A)' } });
    expect(calls).toHaveLength(1);
    const call = calls[0]!;
    const local = callTargets(view, view.entry, call, true);
    expect(local.map((t) => [t.name, t.fn.kind(), t.module.path])).toEqual([
      ['load', 'function_declaration', 'a.js'],
    ]);
    expect(callTargets(view, view.entry, call, false)).toEqual([]);
    expect(
      callTargets(view, view.entry, view.entry.root.find({ rule: { pattern: 'load($A)' } })!, true),
    ).toBe(local);
    // Another view of the same text has its own answers.
    const again = singleModule('a.js', TEXT, JS);
    const other = callTargets(
      again,
      again.entry,
      again.entry.root.find({ rule: { pattern: 'load($A)' } })!,
      true,
    );
    expect(other).not.toBe(local);
    expect(other.map((t) => t.name)).toEqual(['load']);
  });
});
