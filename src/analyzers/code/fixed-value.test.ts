import { Lang, parse } from '@ast-grep/napi';
import type { SgNode } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { isFixedValue } from './fixed-value.js';

/** Whether the value assigned by the last `sink(…)` call of `src` is fixed. */
function fixedAtSink(
  src: string,
  fixedCall?: Parameters<typeof isFixedValue>[1],
  throughCall?: Parameters<typeof isFixedValue>[2],
): boolean {
  const calls = parse(Lang.JavaScript, src).root().findAll('sink($V)');
  const v = calls.at(-1)?.getMatch('V');
  if (!v) throw new Error('no sink');
  return isFixedValue(v, fixedCall, throughCall);
}

describe('isFixedValue', () => {
  it('follows const names, templates, conditionals, joins and local functions', () => {
    expect(fixedAtSink("const a = '<b>'; const b = `${a}x`; sink(b);")).toBe(true);
    expect(fixedAtSink("const f = () => ok ? 'a' : 'b'; sink(f());")).toBe(true);
    // A local function's parameter, when every call of the function passes fixed text there.
    expect(fixedAtSink("const f = (x) => `<b>${x}</b>`; f('b'); sink(f('a'));")).toBe(true);
    expect(fixedAtSink("function f() { if (x) return 'a'; return ['b', 'c'].join(' '); } sink(f());")).toBe(
      true,
    );
    // An exported declaration binds its name as the declaration does.
    expect(fixedAtSink("export const a = '<b>'; sink(a);")).toBe(true);
    expect(fixedAtSink("export function f() { return '<b>'; } sink(f());")).toBe(true);
    expect(fixedAtSink("export let a = '<b>'; export function g() { a = location.hash; } sink(a);")).toBe(
      false,
    );
  });
  it("reads a function literal as fixed only for a rule that lists its kind (its text is the program's source)", () => {
    const src = "function run(fn) { sink('(' + fn + ')()'); } run(function () { return 1; }); run(() => 2);";
    const kinds = (n: SgNode): boolean => n.kind() === 'function_expression' || n.kind() === 'arrow_function';
    expect(fixedAtSink(src)).toBe(false);
    expect(fixedAtSink(src, kinds)).toBe(true);
    // Text at one call: the parameter is not the program's own.
    expect(fixedAtSink(src + ' run(msg.script);', kinds)).toBe(false);
  });
  it('reads a method parameter through its calls, keyed by its function', () => {
    const method =
      "var c = {}; c.show = function (t) { sink(t); }; c.show('a'); c.load = function () { c.show('b'); };";
    expect(fixedAtSink(method)).toBe(true);
    expect(fixedAtSink(method + ' c.show(location.hash);')).toBe(false);
    // Handed on as a value: its callers are unknown.
    expect(fixedAtSink(method + " socket.on('x', c.show);")).toBe(false);
    // A recursive call handing the parameter on, and a caller's own variable spelled the same.
    const poll =
      'function restore(h) { sink(h); } function poll(n, h) { if (n > 9) restore(h); else poll(n + 1, h); }';
    expect(fixedAtSink(poll + " function go() { const h = '<b>'; poll(0, h); }")).toBe(true);
    expect(fixedAtSink(poll + ' function go() { const h = location.hash; poll(0, h); }')).toBe(false);
  });
  it('takes a jQuery position as a number, and a value set in both branches just before the read', () => {
    expect(fixedAtSink("$('li').each(function (i, el) { sink('<b>' + i + '</b>'); });")).toBe(true);
    expect(fixedAtSink("$.each(obj, function (k, v) { sink('<b>' + k + '</b>'); });")).toBe(false);
    expect(fixedAtSink("function f(e) { var ix = $(e).index(); sink('<b>' + ix + '</b>'); }")).toBe(true);
    expect(fixedAtSink("function f() { if (a) h = '<b>'; else h = '<i>'; sink(h); }")).toBe(true);
    expect(fixedAtSink("function f() { if (a) h = '<b>'; else if (b) h = '<i>'; sink(h); }")).toBe(false);
    expect(fixedAtSink("function f() { if (a) h = '<b>'; else h = location.hash; sink(h); }")).toBe(false);
  });
  it('reads pieces of a fixed text and a function a var binds', () => {
    expect(fixedAtSink("const page = '<p>a</p><!--s--><b>b</b>'; sink(page.split('<!--s-->')[1]);")).toBe(
      true,
    );
    expect(fixedAtSink("const t = ' <b> '; sink(t.trimStart().substr(1));")).toBe(true);
    expect(fixedAtSink("const t = ' <b> '; sink(t.toString('utf8').trim());")).toBe(true);
    expect(fixedAtSink('sink(location.hash.toString());')).toBe(false);
    expect(fixedAtSink("sink(location.hash.split('#')[1]);")).toBe(false);
    expect(fixedAtSink("function g(list) { var mk = function () { return '<li>'; }; sink(mk()); }")).toBe(
      true,
    );
    // Written again, the name may hold any function.
    expect(
      fixedAtSink("function g(f) { var mk = function () { return '<li>'; }; mk = f; sink(mk()); }"),
    ).toBe(false);
  });
  it('stops at anything that can change or come from outside', () => {
    expect(fixedAtSink("let a = '<b>'; sink(a);")).toBe(false);
    expect(fixedAtSink('function g(a) { sink(a); }')).toBe(false);
    expect(fixedAtSink("const a = '<b>'; function g({ a }) { sink(a); }")).toBe(false);
    expect(fixedAtSink("const a = '<b>'; try {} catch (a) { sink(a); }")).toBe(false);
    // A method's or a generator's parameter is its own, whatever a constant or an outer function's calls say.
    expect(fixedAtSink("const a = '<b>'; class C { m(a) { sink(a); } }")).toBe(false);
    expect(fixedAtSink("const a = '<b>'; const o = { m(a) { sink(a); } };")).toBe(false);
    expect(fixedAtSink("const a = '<b>'; function* g(a) { sink(a); }")).toBe(false);
    expect(fixedAtSink("function f(a) { return { m(a) { sink(a); } }; } f('x');")).toBe(false);
    expect(fixedAtSink("class C { m(a) { a = '<b>'; sink(a); } }")).toBe(true);
    expect(fixedAtSink("import a from './a'; sink(a);")).toBe(false);
    expect(fixedAtSink("const f = (x) => x; sink(f('a')); sink(f(location.hash));")).toBe(false);
    expect(fixedAtSink("const f = (x) => x; g(f); sink(f('a'));")).toBe(false);
    expect(fixedAtSink('function f() { return; } sink(f());')).toBe(false);
    expect(fixedAtSink('sink(location.hash);')).toBe(false);
  });
  it('reads an element of a fixed list that is never added to, and string methods of fixed text', () => {
    expect(fixedAtSink("const L = ['a', 'b']; function g(i) { sink('x ' + L[i]); }")).toBe(true);
    expect(fixedAtSink("const L = ['a']; const t = L[i]; sink('${t}'.replace('${t}', t));")).toBe(true);
    expect(fixedAtSink("const L = ['a']; L.push(location.hash); sink(L[1]);")).toBe(false);
    expect(fixedAtSink("const R = { a: 'x' }; R[k] = location.hash; sink(R[k]);")).toBe(false);
    expect(fixedAtSink("const L = ['a']; Object.assign(L, q); sink(L[0]);")).toBe(false);
    // The list read whole (joined, printed) holds what was added to it, also through another name.
    expect(fixedAtSink("const l = ['git', 'clone']; sink(l.join(' '));")).toBe(true);
    expect(fixedAtSink("const l = ['git', 'clone']; l.push(location.hash); sink(l.join(' '));")).toBe(false);
    expect(fixedAtSink("const l = ['git']; const m = l; m.push(location.hash); sink(l[1]);")).toBe(false);
    expect(fixedAtSink("const l = ['git']; const o = { l }; sink(l.join(' '));")).toBe(false);
    // Named as a constant too.
    expect(fixedAtSink("const ARGS = ['git']; sink(ARGS.join(' '));")).toBe(true);
    expect(fixedAtSink("const ARGS = ['git']; ARGS.push(location.hash); sink(ARGS.join(' '));")).toBe(false);
    expect(fixedAtSink('function g(L, i) { sink(L[i]); }')).toBe(false);
    expect(fixedAtSink('sink(req.query[0]);')).toBe(false);
    expect(fixedAtSink("sink('a'.replace('a', location.hash));")).toBe(false);
  });
  it('reads a parameter or let after one plain assignment that no other write can follow', () => {
    expect(fixedAtSink("function f(c) { c = 'ls'; sink(c); }")).toBe(true);
    expect(fixedAtSink("function f(c, o) { if (!o) { c = 'ls'; sink(c); } }")).toBe(true);
    expect(fixedAtSink("function f(c, o) { c = 'ls'; if (o) c = o; sink(c); }")).toBe(false);
    expect(fixedAtSink("function f(c, xs) { c = 'ls'; for (const x of xs) { sink(c); c = x; } }")).toBe(
      false,
    );
    expect(fixedAtSink("function f(c, xs) { c = 'ls'; xs.forEach(() => sink(c)); c = xs[0]; }")).toBe(false);
    // A callback registered before the assignment may write the name after it, while the reader waits.
    expect(
      fixedAtSink("function f(c, e) { e.on('x', (v) => { c = v; }); c = 'ls'; setTimeout(() => sink(c)); }"),
    ).toBe(false);
    expect(
      fixedAtSink("async function f(c, e) { e.on('x', (v) => { c = v; }); c = 'ls'; await w(); sink(c); }"),
    ).toBe(false);
  });
  it('takes a helper parameter as reviewed at calls the rule itself matches', () => {
    const src = "function run(c) { sink(c); } run('a ' + q); run('b');";
    const root = parse(Lang.JavaScript, src).root();
    const v = root.find('sink($V)')!.getMatch('V')!;
    const runs = new Set(root.findAll('run($$$)').map((n) => n.id()));
    expect(isFixedValue(v)).toBe(false);
    expect(isFixedValue(v, undefined, undefined, false, (call) => runs.has(call.id()))).toBe(true);
  });
  it('ends cycles and very deep expressions as not fixed, without overflowing', () => {
    expect(fixedAtSink('const a = b; const b = a; sink(a);')).toBe(false);
    expect(fixedAtSink('function f() { return f(); } sink(f());')).toBe(false);
    expect(fixedAtSink(`sink(${Array.from({ length: 500 }, () => "'x'").join(' + ')});`)).toBe(false);
  });
  it('counts numbers and booleans the operators make, whatever their operands', () => {
    expect(fixedAtSink("sink(res.users.length + ' found');")).toBe(true);
    expect(fixedAtSink("sink('(' + (max - text.length) + ' left)');")).toBe(true);
    expect(fixedAtSink('sink(Math.round(done * 100) + `%`);')).toBe(true);
    expect(fixedAtSink("sink(parseInt(req.query.n, 10) + ' items');")).toBe(true);
    expect(fixedAtSink('sink(!!x && a < b);')).toBe(true);
    expect(fixedAtSink('sink({ ok: 1, label: "x" });')).toBe(true);
    // A field named as a count, a total, a length or a size is read as digits.
    expect(fixedAtSink("sink(data.count + ' found');")).toBe(true);
    expect(fixedAtSink('sink(data.total);')).toBe(true);
    expect(fixedAtSink('sink(stats.onlineGuestCount + stats.doc_count + stats.need_sync_num);')).toBe(true);
    // So is one named as a measured time (a search's seconds).
    expect(fixedAtSink("sink('Search took ' + data.timing + ' ms.');")).toBe(true);
    expect(fixedAtSink('sink(job.query_duration + res.renderElapsed);')).toBe(true);
    expect(fixedAtSink('sink(data.durationText);')).toBe(false);
    expect(fixedAtSink('sink(req.query.duration);')).toBe(false);
    // A total, count or number of a plural noun named first (`total_docs`); not another word after it.
    expect(fixedAtSink("sink(response.total_docs + ' docs');")).toBe(true);
    expect(fixedAtSink('sink(data.numItems + data.count_rows);')).toBe(true);
    expect(fixedAtSink('sink(data.total_label);')).toBe(false);
    expect(fixedAtSink('sink(data.countryName + data.numberText);')).toBe(false);
    expect(fixedAtSink('sink(req.query.total_docs);')).toBe(false);
    // `+` joins strings; a member is whatever its object holds; a shorthand member is data; a name that
    // only ends like a count; a count the request carries.
    expect(fixedAtSink('sink(data.a + data.b);')).toBe(false);
    expect(fixedAtSink('sink(data.account);')).toBe(false);
    expect(fixedAtSink('sink(req.query.count);')).toBe(false);
    expect(fixedAtSink('sink(count);')).toBe(false);
    expect(fixedAtSink('sink({ name });')).toBe(false);
    expect(fixedAtSink("sink('<b>' + req.query.length + '</b>');")).toBe(false);
  });
  it("takes a fixed call's callback parameter, and through calls of fixed text, as fixed", () => {
    const render = (n: Parameters<typeof isFixedValue>[0]): boolean =>
      n.text().startsWith('templates.parse(');
    const through = (n: Parameters<typeof isFixedValue>[0]): boolean =>
      /^(?:translator\.\w+|\$)\(/.test(n.text());
    const nested = `templates.parse('t', data, function (tpl) {
      translator.translate(tpl, function (out) { out = translator.unescape(out); sink($(out)); });
    });`;
    expect(fixedAtSink(nested, render, through)).toBe(true);
    expect(fixedAtSink("templates.parse('t', data, (html) => sink(html));", render, through)).toBe(true);
    // The second parameter of an error-first callback is the output (Node's convention), of a declared call
    // only; another second parameter is not.
    expect(fixedAtSink("templates.parse('t', data, (err, html) => sink(html));", render, through)).toBe(true);
    expect(fixedAtSink("db.get('t', (err, html) => sink(html));", render, through)).toBe(false);
    expect(fixedAtSink("templates.parse('t', data, (html, extra) => sink(extra));", render, through)).toBe(
      false,
    );
    // Another call's callback, data translated, a reassignment with data.
    expect(fixedAtSink("socket.emit('t', data, (html) => sink(html));", render, through)).toBe(false);
    expect(fixedAtSink('translator.translate(data.title, (t) => sink(t));', render, through)).toBe(false);
    expect(
      fixedAtSink(
        "templates.parse('t', data, (html) => { html = html + data.x; sink(html); });",
        render,
        through,
      ),
    ).toBe(false);
  });
  it("takes a fixed call's success option and .done/.then callbacks as given its output", () => {
    const fetchPartial = (n: Parameters<typeof isFixedValue>[0]): boolean =>
      n.field('function')?.text() === '$.ajax';
    expect(
      fixedAtSink("$.ajax({ url: '/p', success: function (html) { sink(html); } });", fetchPartial),
    ).toBe(true);
    expect(fixedAtSink("$.ajax({ url: '/p' }).done((html) => sink(html));", fetchPartial)).toBe(true);
    expect(fixedAtSink("$.ajax({ url: '/p' }).then((html) => sink(html), (e) => 0);", fetchPartial)).toBe(
      true,
    );
    // Another option's callback, a rejection callback, a chain on a call that gives nothing fixed.
    expect(fixedAtSink("$.ajax({ url: '/p', error: function (x) { sink(x); } });", fetchPartial)).toBe(false);
    expect(fixedAtSink("$.ajax({ url: '/p' }).then(ok, (e) => sink(e));", fetchPartial)).toBe(false);
    expect(fixedAtSink("$.ajax({ url: '/p' }).fail((x) => sink(x));", fetchPartial)).toBe(false);
    expect(fixedAtSink("load('/p').then((html) => sink(html));", fetchPartial)).toBe(false);
  });
  it('takes an element of a fixed list an iteration callback receives, and a bare var given fixed values', () => {
    expect(fixedAtSink("['<b>', '<i>'].forEach((tag) => sink(tag));")).toBe(true);
    expect(fixedAtSink("const L = [[1, 'a']]; L.some(function (p) { sink(p[1]); });")).toBe(true);
    expect(fixedAtSink("function f(x) { var h, n; if (x) h = '<b>'; else h = '<i>'; sink(h); }")).toBe(true);
    // A list with data, one the code adds to, the index or the list a callback gets, a reduction's
    // accumulator, a list the callback changes, a bare var given data, a bare global.
    expect(fixedAtSink("['<b>', x].forEach((tag) => sink(tag));")).toBe(false);
    expect(fixedAtSink("const L = ['<b>']; L.push(x); L.forEach((tag) => sink(tag));")).toBe(false);
    expect(fixedAtSink("['<b>'].forEach((tag, i, all) => sink(all));")).toBe(false);
    expect(fixedAtSink("['<b>'].reduce((acc, tag) => sink(acc));")).toBe(false);
    expect(fixedAtSink("[['<b>']].forEach((p) => { p[0] = x; sink(p[0]); });")).toBe(false);
    expect(fixedAtSink('function f(x) { var h; if (x) h = x.title; sink(h); }')).toBe(false);
    // A `var` declared again in another branch of the function: each declaration's value counts.
    expect(fixedAtSink("function f(x) { if (x) { var h = '<b>'; sink(h); } else { var h = '<i>'; } }")).toBe(
      true,
    );
    expect(
      fixedAtSink("function f(x) { if (x) { var h = '<b>'; sink(h); } else { var h = x.title; } }"),
    ).toBe(false);
    expect(fixedAtSink('var h; sink(h);')).toBe(false);
  });
  it('counts calls the rule names as fixed text', () => {
    const t = (n: Parameters<typeof isFixedValue>[0]): boolean => n.text().startsWith('t(');
    expect(fixedAtSink("const label = t('menu.open'); sink(label);", t)).toBe(true);
    expect(fixedAtSink("const label = other('menu.open'); sink(label);", t)).toBe(false);
  });

  it('looks no farther up than hand-written code nests (parent lookups cost the depth: a generated file thousands deep stayed quadratic)', () => {
    const nest = (levels: number): string =>
      `const a = '<b>'; function f0(p) {\n${'return function (q) {\n'.repeat(levels)}sink(a);\n${'};\n'.repeat(levels)}}`;
    expect(fixedAtSink(nest(5))).toBe(true);
    // Beyond the bound the name is not resolved: an audit rule keeps its lead.
    expect(fixedAtSink(nest(200))).toBe(false);
  });
  it("reads a property of the module's own record from every write in its scope", () => {
    const rec = "const m = {}; m.kind = 'a'; m.get = () => (ok ? 'b' : m.kind);";
    expect(fixedAtSink(`${rec} sink(m.kind + m.get());`)).toBe(true);
    expect(fixedAtSink(`const m = { kind: 'a', get() { return 'b'; } }; sink(m.get() + m.kind);`)).toBe(true);
    // Exported whole, as either branch of a conditional, it is still the module's to fill.
    expect(fixedAtSink(`${rec} module.exports = win ? {} : m; sink(m.kind);`)).toBe(true);
    // Never given a value, or given one from outside, a computed key, a copy, a call or a nested write.
    expect(fixedAtSink('const m = {}; sink(m.kind);')).toBe(false);
    expect(fixedAtSink(`${rec} m.set = (v) => { m.kind = v; }; sink(m.kind);`)).toBe(false);
    expect(fixedAtSink(`${rec} m[k] = v; sink(m.kind);`)).toBe(false);
    expect(fixedAtSink(`${rec} Object.assign(m, opts); sink(m.kind);`)).toBe(false);
    expect(fixedAtSink(`${rec} fill(m); sink(m.kind);`)).toBe(false);
    expect(fixedAtSink(`${rec} m.kind += x; sink(m.kind);`)).toBe(false);
    expect(fixedAtSink("const m = { list: ['a'] }; m.list.push(x); sink(m.list);")).toBe(false);
    expect(fixedAtSink(`const m = { kind }; sink(m.kind);`)).toBe(false);
    expect(fixedAtSink(`let m = {}; m.kind = 'a'; sink(m.kind);`)).toBe(false);
    expect(fixedAtSink(`const m = {}; m.get = (x) => x; sink(m.get(y));`)).toBe(false);
    // A method of the record writes the property through `this`.
    expect(fixedAtSink("const m = { kind: 'a', set(v) { this.kind = v; } }; sink(m.kind);")).toBe(false);
    expect(fixedAtSink(`${rec} m.set = function (v) { this.kind = v; }; sink(m.kind);`)).toBe(false);
    expect(fixedAtSink(`${rec} m.load = function (o) { Object.assign(this, o); }; sink(m.kind);`)).toBe(
      false,
    );
    expect(fixedAtSink(`${rec} m.set = function (v) { this.other = v; }; sink(m.kind);`)).toBe(true);
  });
  it('reads numbers swapped through a third name as the numbers they are, and stops at data in the cycle', () => {
    const swap = (init: string): string =>
      `function f(p) { var a = parseFloat(p[0]); var b = ${init}; if (a > b) { var t = b; b = a; a = t; } sink(a + ' - ' + b); }`;
    expect(fixedAtSink(swap('parseFloat(p[1])'))).toBe(true);
    expect(fixedAtSink(swap('p[1]'))).toBe(false);
    // A write of data to one of the names inside the cycle.
    expect(
      fixedAtSink(
        'function f(p) { var a = 1; var b = 2; var t = b; b = a; a = t; t = location.hash; sink(a); }',
      ),
    ).toBe(false);
    // A name of another scope spelled the same is not the variable whose writes are being read.
    expect(
      fixedAtSink(
        'function f(p) { var a = 1; function g(a) { return a; } a = g(location.hash); sink(a); } f();',
      ),
    ).toBe(false);
  });
  it("reads a field of a fixed table's element, unless the code writes into either", () => {
    const T = "const BADGES = { user: { cls: 'dark', label: 'User' } };";
    expect(
      fixedAtSink(`${T} function f(e) { const b = BADGES[e.type]; sink('<i>' + b.cls + b.label); }`),
    ).toBe(true);
    expect(
      fixedAtSink(`${T} function f(e) { const b = BADGES[e.type]; b.label = e.name; sink(b.label); }`),
    ).toBe(false);
    expect(
      fixedAtSink(
        `${T} BADGES.user.label = location.hash; function f(e) { const b = BADGES[e.type]; sink(b.label); }`,
      ),
    ).toBe(false);
    expect(
      fixedAtSink(
        `${T} BADGES[k].label = location.hash; function f(e) { const b = BADGES[e.type]; sink(b.label); }`,
      ),
    ).toBe(false);
    expect(fixedAtSink('function f(e) { const b = e.rows[e.type]; sink(b.label); }')).toBe(false);
    expect(fixedAtSink(`${T} function f(e) { const b = BADGES[e.type]; fill(b); sink(b.label); }`)).toBe(
      false,
    );
    expect(fixedAtSink(`${T} fill(BADGES); function f(e) { const b = BADGES[e.type]; sink(b.label); }`)).toBe(
      false,
    );
  });
  it("reads a Date's day and text only of a Date the code made, and padding and radix helpers of numbers", () => {
    expect(
      fixedAtSink(
        'function f() { var d = new Date, s = d.getDate().padLeft() + "/" + d.getFullYear(); sink(s); }',
      ),
    ).toBe(true);
    expect(fixedAtSink('function f(row) { sink(new Date(row.at).toLocaleString()); }')).toBe(true);
    expect(fixedAtSink('function f(row) { const d = new Date(row.at); sink(d.toISOString()); }')).toBe(true);
    expect(
      fixedAtSink("function f() { sink('t' + Math.random().toString(36).slice(2) + crypto.randomUUID()); }"),
    ).toBe(true);
    // A helper's own getDate, a list's text, a Date given another value, a top-level `var` other scripts share.
    expect(fixedAtSink('function f(cal) { sink(cal.getDate()); }')).toBe(false);
    expect(fixedAtSink('function f(names) { sink(names.toLocaleString()); }')).toBe(false);
    expect(fixedAtSink('function f(x) { let d = new Date(); d = x; sink(d.toLocaleString()); }')).toBe(false);
    expect(fixedAtSink('var d = new Date(); function f() { sink(d.toLocaleString()); }')).toBe(false);
    expect(fixedAtSink('function f(x) { sink(x.toString(36)); }')).toBe(false);
  });
});
