import { describe, expect, it } from 'vitest';
import { analyzeText, PreparedRules } from './engine.js';
import { languageOf } from './languages.js';
import { BUILTIN_RULES_DIR, parseRuleFile } from './load-rules.js';
import { loadRuleDirs } from './rule-folders.js';

// One taint rule with a generic sink, a sanitizer and a guard, over the built-in framework sources.
const TEST_RULES = `
rules:
  - id: test/sink
    title: test sink
    description: test sink
    languages: [javascript, typescript, python]
    severity: high
    confidence: high
    cwe: [74]
    principles: [zoning-containment]
    message: '{source} reaches {sink}: {path}'
    remediation: none
    taint:
      sources: [http, cli, dom]
      sinks:
        - pattern: sink($$$)
          arg: 0
      sanitizers:
        - pattern: clean($$$)
      guards:
        - pattern: $X.startsWith($$$)
        - pattern: $X.startswith($$$)
`;

const builtin = loadRuleDirs([BUILTIN_RULES_DIR]);
const rules = new PreparedRules({
  rules: parseRuleFile('test.yaml', TEST_RULES).rules,
  sources: builtin.sources,
  sanitizers: builtin.sanitizers,
});

function run(code: string, ext = 'js'): { line: number; message: string }[] {
  const lang = languageOf(ext);
  if (!lang) throw new Error(ext);
  return analyzeText(code, lang, rules).matches.map((m) => ({ line: m.line, message: m.message }));
}

const lines = (code: string, ext = 'js'): number[] => run(code, ext).map((m) => m.line);

describe('taint propagation (JavaScript)', () => {
  it.each([
    ['direct source', `sink(req.query.a);`],
    ['assignment', `const a = req.body.x;\nsink(a);`],
    ['reassignment chain', `let a = req.params.id;\nlet b;\nb = a;\nsink(b);`],
    ['object destructuring', `const { q } = req.query;\nsink(q);`],
    ['nested destructuring from the request', `const { query: { q } } = req;\nsink(q);`],
    ['array destructuring', `const [first] = req.body.items;\nsink(first);`],
    ['string concatenation', `const s = 'a' + req.query.x + 'b';\nsink(s);`],
    ['compound assignment', `let s = 'a';\ns += req.query.x;\nsink(s);`],
    ['template literal', 'sink(`x ${req.query.x} y`);'],
    ['object construction', `const o = { name: req.body.name };\nsink(o);`],
    ['array construction', `const a = [1, req.body.name];\nsink(a);`],
    ['array push', `const a = [];\na.push(req.body.name);\nsink(a.join(','));`],
    ['string methods', `sink(req.query.x.trim().toLowerCase().split(',')[0]);`],
    ['ternary', `sink(flag ? req.query.x : 'none');`],
    ['await and parentheses', `const v = (await req.json()).name;\nsink(v);`],
    ['Koa context', `sink(ctx.request.body.name);`],
    ['DOM source', `sink(location.hash.slice(1));`],
    ['CLI arguments', `sink(process.argv[2]);`],
    ['iterator callback', `req.body.items.map((item) => sink(item));`],
  ])('%s', (_name, code) => {
    expect(lines(code).length).toBe(1);
  });

  it('ends the path at the sink and names source and variables in order', () => {
    const [m] = run(`const id = req.query.id;\nconst sql = 'x' + id;\nsink(sql);`);
    expect(m?.message).toBe(
      'req.query.id reaches sink(sql): req.query.id (line 1) → id (line 1) → sql (line 2) → sink(sql) (line 3)',
    );
  });

  it('does not take any variable named request for the incoming request', () => {
    const code = `function send(request) {\n  sink(request.headers);\n}\nconst req = http.request(opts);\nsink(req.path);`;
    expect(lines(code)).toEqual([]);
  });

  it('ends the path at functions it cannot see into', () => {
    expect(lines(`sink(lookup(req.query.id));\nsink(hash(req.body.pw));`)).toEqual([]);
  });

  it('stays quiet on constants and unrelated request fields', () => {
    expect(lines(`const a = 'x';\nsink(a);\nsink(req.user.id);\nsink(req.method);`)).toEqual([]);
  });

  it.each([
    ['a rule sanitizer', `sink(clean(req.query.x));`],
    ['a global type coercion', `sink(parseInt(req.query.x, 10));`],
    ['Number()', `const n = Number(req.body.n);\nsink(n);`],
    ['a guard that returns', `const p = req.query.p;\nif (!p.startsWith('/safe/')) return;\nsink(p);`],
    ['a guard around the sink', `const p = req.query.p;\nif (p.startsWith('/safe/')) {\n  sink(p);\n}`],
    ['an overwrite after the source', `let v = req.query.v;\nv = 'fixed';\nsink(v);`],
    ['a sanitised overwrite', `let v = req.query.v;\nv = clean(v);\nsink(v);`],
  ])('is cleaned by %s', (_name, code) => {
    expect(lines(`function h(req) {\n${code}\n}`)).toEqual([]);
  });

  it('keeps a taint that only one branch overwrites', () => {
    expect(lines(`let v = req.query.v;\nif (x) {\n  v = 'fixed';\n}\nsink(v);`)).toEqual([5]);
  });
});

describe('taint across functions in one file', () => {
  it('follows arguments into parameters', () => {
    expect(lines(`function run(cmd) {\n  sink(cmd);\n}\nrun(req.query.c);`)).toEqual([2]);
  });

  it('follows return values back to the caller', () => {
    const code = `function build(v) {\n  return 'select ' + v;\n}\nconst q = build(req.query.v);\nsink(q);`;
    expect(lines(code)).toEqual([5]);
  });

  it('is context-sensitive: a safe call of the same helper stays quiet', () => {
    const code = `function build(v) {\n  return 'select ' + v;\n}\nsink(build('1'));\nsink(build(req.query.v));`;
    expect(lines(code)).toEqual([5]);
  });

  it('follows arrow functions assigned to variables and methods called on this', () => {
    const code = `const wrap = (s) => '<' + s + '>';\nclass C {\n  go(x) { sink(x); }\n  h(req, res) { this.go(wrap(req.body.x)); }\n}`;
    expect(lines(code)).toEqual([3]);
  });

  it('stays quiet when no caller passes user input', () => {
    expect(lines(`function run(cmd) {\n  sink(cmd);\n}\nrun('ls');`)).toEqual([]);
  });

  it('does not loop on recursion', () => {
    const code = `function f(a) {\n  return a ? f(a - 1) : a;\n}\nsink(f(req.query.n));`;
    expect(lines(code).length).toBeLessThanOrEqual(1);
  });
});

describe('framework sources', () => {
  it('treats the first parameter of a route callback as the request, whatever its name', () => {
    expect(lines(`app.get('/x', (r, s) => {\n  sink(r.query.q);\n});`)).toEqual([2]);
    expect(lines(`app.get('/x', (r, s) => {\n  sink(r.user.name);\n});`)).toEqual([]);
  });

  it('knows NestJS decorated parameters', () => {
    const code = `class C {\n  @Get()\n  find(@Query('q') q: string, @Req() r: Request) {\n    sink(q);\n    sink(r.body.x);\n    sink(r.user);\n  }\n}`;
    expect(lines(code, 'ts')).toEqual([4, 5]);
  });

  it('knows Next.js route handlers', () => {
    const code = `export async function GET(request, { params }) {\n  sink(request.nextUrl.searchParams.get('q'));\n  sink(params.id);\n}`;
    expect(lines(code, 'ts')).toEqual([2, 3]);
  });
});

describe('taint propagation (Python)', () => {
  it.each([
    ['Flask args', `x = request.args.get("a")\nsink(x)`],
    ['Django GET', `def v(request):\n    sink(request.GET["a"])`],
    ['f-string', `x = request.form["a"]\nsink(f"select {x}")`],
    ['percent formatting', `x = request.form["a"]\nsink("select %s" % x)`],
    ['str.format', `x = request.form["a"]\nsink("select {}".format(x))`],
    ['tuple unpacking', `a, b = request.json["a"], 1\nsink(a)`],
    ['list append', `xs = []\nxs.append(request.args["a"])\nsink(" ".join(xs))`],
    ['keyword argument to a local function', `def run(cmd=None):\n    sink(cmd)\nrun(cmd=request.args["c"])`],
    [
      'method with self',
      `class C:\n    def go(self, v):\n        sink(v)\n    def h(self):\n        self.go(request.args["v"])`,
    ],
    ['FastAPI route parameter', `@app.get("/items/{item}")\ndef read(item: str):\n    sink(item)`],
    ['CLI argument', `import sys\nsink(sys.argv[1])`],
  ])('%s', (_name, code) => {
    expect(lines(code, 'py').length).toBe(1);
  });

  it.each([
    ['int()', `x = int(request.args["a"])\nsink(x)`],
    [
      'a guard that aborts',
      `def v():\n    p = request.args["p"]\n    if not p.startswith("/safe/"):\n        abort(403)\n    sink(p)`,
    ],
    ['a FastAPI dependency', `@app.get("/x")\ndef read(db=Depends(get_db)):\n    sink(db)`],
    ['constants', `x = "a"\nsink(x)`],
  ])('is clean with %s', (_name, code) => {
    expect(lines(code, 'py')).toEqual([]);
  });
});

describe('request look-alikes', () => {
  it('checks destructured request objects too', () => {
    const code = `function writeH2(client, request) {\n  const { headers } = request;\n  sink(headers);\n}\napp.get('/x', (req, res) => {\n  const { headers } = req;\n  sink(headers);\n});`;
    expect(lines(code)).toEqual([7]);
  });
});

describe('more frameworks', () => {
  it.each([
    ['Fastify', `fastify.post('/x', async (request, reply) => {\n  sink(request.body.name);\n});`],
    [
      'Hapi',
      `server.route({ method: 'POST', path: '/x', handler: (request, h) => sink(request.payload.name) });`,
    ],
    ['Koa', `router.get('/x', async (ctx) => {\n  sink(ctx.params.id);\n});`],
    ['Next.js pages API', `export default function handler(req, res) {\n  sink(req.query.id);\n}`],
  ])('%s', (_name, code) => {
    expect(lines(code, 'ts').length).toBe(1);
  });

  it('Django class-based views take the request after self', () => {
    const code = `class V(View):\n    def get(self, request, pk):\n        sink(request.GET["q"])\n\ndef helper(self, adapter, request):\n    sink(request.body)`;
    expect(lines(code, 'py')).toEqual([3]);
  });
});

describe('Next.js pages', () => {
  it('treats searchParams of the default-exported page as user input', () => {
    const code = `export default async function Page({ searchParams }) {\n  sink(searchParams.q);\n}\nfunction Other({ searchParams }) {\n  sink(searchParams.q);\n}`;
    expect(lines(code, 'tsx')).toEqual([2]);
  });
});

describe('taint budgets are announced, never silent', () => {
  const jsLang = languageOf('js')!;
  // The cases of issue #18: each used to stop silently or run for minutes.
  const hostile: [string, string][] = [
    [
      'a string built by concatenation over 2,000 lines',
      `let q = req.query.a;\n${Array.from({ length: 2000 }, (_, i) => `q = q + 'x${i}';`).join('\n')}\nsink(q);\n`,
    ],
    [
      'a 60,000-step assignment chain',
      `let a0 = req.query.a;\n${Array.from({ length: 60_000 }, (_, i) => `let a${i + 1} = a${i};`).join('\n')}\nsink(a60000);\n`,
    ],
    ['100,000 nested parentheses', `sink(${'(\n'.repeat(100_000)}req.query.a${')\n'.repeat(100_000)});\n`],
  ];
  it.each(hostile)('%s ends with the file marked as stopped early', (_name, code) => {
    const r = analyzeText(code, jsLang, rules);
    expect(r.truncated).toBe(true);
  });

  it('a short chain is followed to the end and not marked', () => {
    const code = `let a0 = req.query.a;\n${Array.from({ length: 20 }, (_, i) => `let a${i + 1} = a${i};`).join('\n')}\nsink(a20);\n`;
    const r = analyzeText(code, jsLang, rules);
    expect(r.truncated).toBe(false);
    expect(r.matches).toHaveLength(1);
  });
});
