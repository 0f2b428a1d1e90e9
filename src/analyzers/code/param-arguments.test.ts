import { describe, expect, it } from 'vitest';
import { Lang, parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { argumentsOfParam } from './param-arguments.js';

const TEXT = `function get(cmd, next) { return run(cmd, next); }
get('git rev-parse HEAD', done);
get('git status', done);
const show = (text) => el.html(text);
show('<b>a</b>');
show(label);
function passed(x) { return x; }
list.map(passed);
obj.warn = function (msg) { log(msg); };
obj.warn('fixed');
`;

/** Every identifier of a tree, with each answer of argumentsOfParam for it as text (nodes of one tree). */
function answers(text: string): string[] {
  const root = parse(Lang.JavaScript, text).root();
  return root.findAll({ rule: { kind: 'identifier' } }).map((at: SgNode) => {
    const a = argumentsOfParam(at, at.text());
    if (!a) return `${at.text()}: none`;
    return `${at.text()}: ${a.owner.range().start.index} [${a.args.map((x) => x.text()).join(', ')}] ${a.writes.length}`;
  });
}

describe('argumentsOfParam with the calls of a declared function kept per tree', () => {
  it('answers as a fresh tree does, when asked again of the same tree', () => {
    const root = parse(Lang.JavaScript, TEXT).root();
    const ids = root.findAll({ rule: { kind: 'identifier' } });
    const first = ids.map((at) => argumentsOfParam(at, at.text())?.args.map((x) => x.text()));
    const again = ids.map((at) => argumentsOfParam(at, at.text())?.args.map((x) => x.text()));
    expect(again).toEqual(first);
    expect(answers(TEXT)).toEqual(answers(TEXT));
    // The shapes read: calls by name, an arrow in a variable, a function passed as a value, a property.
    expect(first.filter((a) => a !== undefined)).toContainEqual(["'git rev-parse HEAD'", "'git status'"]);
    expect(first.filter((a) => a !== undefined)).toContainEqual(["'<b>a</b>'", 'label']);
    expect(first.filter((a) => a !== undefined)).toContainEqual(["'fixed'"]);
  });

  it('keeps two trees apart, even where their nodes are in the same places', () => {
    // The same declarations at the same offsets, called otherwise: each tree answers with its own calls.
    const other = TEXT.replace(
      "get('git status', done);",
      'run2(get, done);'.padEnd("get('git status', done);".length),
    );
    expect(other.length).toBe(TEXT.length);
    const a = answers(TEXT);
    const b = answers(other);
    expect(a.find((x) => x.startsWith('cmd:'))).toContain("'git status'");
    expect(b.find((x) => x.startsWith('cmd:'))).toBe('cmd: none');
    expect(answers(TEXT)).toEqual(a);
    expect(answers(other)).toEqual(b);
  });
});
