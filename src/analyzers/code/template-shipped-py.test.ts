import { parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { ensurePython } from './languages.js';
import { ownFolderNames, shippedText, writesOwnFolder } from './template-shipped-py.js';

/** Whether the value of the keyword `v=` in `code` (a module) is read as text the package ships. */
function shipped(code: string): boolean {
  ensurePython();
  const root = parse('python', code).root();
  const kw = root
    .findAll({ rule: { kind: 'keyword_argument' } })
    .find((k) => k.field('name')?.text() === 'v');
  if (!kw) throw new Error('no v= in the example');
  return shippedText(kw.field('value')!);
}

const HEAD = 'import os\nimport pathlib\nimport pkgutil\nHERE = os.path.dirname(os.path.abspath(__file__))\n';

describe('text a Python package ships', () => {
  it.each([
    [
      'a file under the module folder',
      'def f():\n    with open(os.path.join(HERE, "static", "a.css")) as fh:\n        return render(v=fh.read())\n',
    ],
    [
      'parts filled in a loop over literal names',
      'def f():\n    parts = []\n    names = ["a.js", "b.js"]\n    for n in names:\n        parts.append("// " + n)\n        with open(os.path.join(os.path.dirname(__file__), "static", n), encoding="utf8") as fh:\n            parts.append(fh.read())\n    return render(v="\\n".join(parts))\n',
    ],
    [
      'pathlib read_text',
      'def f():\n    d = pathlib.Path(__file__).resolve().parent / "static"\n    return render(v=(d / "x.css").read_text(encoding="utf8"))\n',
    ],
    [
      'pkgutil.get_data',
      'def f():\n    return render(v=pkgutil.get_data(__name__, "static/logo.svg").decode("utf8"))\n',
    ],
    [
      'open(...).read() in place',
      'def f():\n    return render(v=open(os.path.join(HERE, "a.html"), "r").read())\n',
    ],
  ])('reads %s as shipped', (_, code) => {
    expect(shipped(HEAD + code)).toBe(true);
  });

  it.each([
    [
      'a configured name in the path',
      'def f(theme):\n    with open(os.path.join(HERE, "themes", theme)) as fh:\n        return render(v=fh.read())\n',
    ],
    [
      'a literal climbing out',
      'def f():\n    with open(os.path.join(HERE, "..", "uploads", "a.html")) as fh:\n        return render(v=fh.read())\n',
    ],
    [
      'an absolute literal',
      'def f():\n    with open(os.path.join(HERE, "/etc/motd")) as fh:\n        return render(v=fh.read())\n',
    ],
    [
      'the working directory',
      'def f():\n    with open(os.path.join(os.getcwd(), "a.html")) as fh:\n        return render(v=fh.read())\n',
    ],
    [
      'a list handed elsewhere',
      'def f(names):\n    parts = []\n    fill(names, parts)\n    return render(v="\\n".join(parts))\n',
    ],
    [
      'a list appended data',
      'def f(req):\n    parts = []\n    parts.append(req.args["x"])\n    return render(v="\\n".join(parts))\n',
    ],
    [
      'a handle opened to write',
      'def f():\n    with open(os.path.join(HERE, "a.html"), "w+") as fh:\n        return render(v=fh.read())\n',
    ],
    [
      'a module constant set twice',
      `${HEAD}def g(x):\n    global HERE\n    HERE = x\ndef f():\n    with open(os.path.join(HERE, "a.html")) as fh:\n        return render(v=fh.read())\n`,
    ],
    [
      'a resource of another package',
      'def f(pkg):\n    return render(v=pkgutil.get_data(pkg, "x.html").decode())\n',
    ],
    [
      'a loop over data',
      'def f(names):\n    for n in names:\n        with open(os.path.join(HERE, n)) as fh:\n            return render(v=fh.read())\n',
    ],
  ])('keeps %s', (_, code) => {
    expect(shipped(HEAD + code)).toBe(false);
  });
});

describe('a project that writes into its own folder', () => {
  /** Whether `code`, with the names bound across `others` and itself, writes under a module's folder. */
  function writes(code: string, others: string[] = []): boolean {
    ensurePython();
    return writesOwnFolder(parse('python', code).root(), ownFolderNames([...others, code]));
  }

  it.each([
    [
      'an upload saved under a bound folder',
      'def up(request):\n    request.files["f"].save(os.path.join(HERE, "a.css"))\n',
    ],
    [
      'open to write',
      'def w(t):\n    with open(os.path.join(HERE, "a.css"), "w") as fh:\n        fh.write(t)\n',
    ],
    ['open with a mode it computes', 'def w(m):\n    open(os.path.join(HERE, "a.css"), m)\n'],
    ['pathlib write_text', 'def w(t):\n    (pathlib.Path(__file__).parent / "a.css").write_text(t)\n'],
    ["a copy into Flask's static folder", 'def c(src):\n    shutil.copy(src, app.static_folder)\n'],
    [
      'codecs.open to write (review39)',
      'def w(t):\n    with codecs.open(os.path.join(HERE, "a.css"), "w", "utf-8") as fh:\n        fh.write(t)\n',
    ],
    [
      'aiofiles.open to write (review39)',
      'async def w(t):\n    async with aiofiles.open(os.path.join(HERE, "a.css"), mode="w") as fh:\n        await fh.write(t)\n',
    ],
    [
      'os.open with flags that write (review39)',
      'def w(t):\n    fd = os.open(os.path.join(HERE, "a.css"), os.O_WRONLY | os.O_TRUNC)\n    os.write(fd, t)\n',
    ],
  ])('%s', (_, code) => {
    expect(writes(HEAD + code)).toBe(true);
  });

  it("follows a folder name bound in another module (Django's BASE_DIR)", () => {
    const settings = 'from pathlib import Path\nBASE_DIR = Path(__file__).resolve().parent.parent\n';
    const view = 'def up(request):\n    open(settings.BASE_DIR / "theme.css", "wb").write(request.body)\n';
    expect(writes(view, [settings])).toBe(true);
  });

  it.each([
    ['a read', 'def r():\n    return open(os.path.join(HERE, "a.css")).read()\n'],
    ['a copy out of the folder', 'def c(dst):\n    shutil.copy(os.path.join(HERE, "a.css"), dst)\n'],
    ['a write elsewhere', 'def w(path, t):\n    with open(path, "w") as fh:\n        fh.write(t)\n'],
    [
      'codecs.open to read',
      'def r():\n    return codecs.open(os.path.join(HERE, "a.css"), "r", "utf-8").read()\n',
    ],
    [
      'os.open to read',
      'def r():\n    return os.read(os.open(os.path.join(HERE, "a.css"), os.O_RDONLY), 100)\n',
    ],
  ])('not %s', (_, code) => {
    expect(writes(HEAD + code)).toBe(false);
  });
});
