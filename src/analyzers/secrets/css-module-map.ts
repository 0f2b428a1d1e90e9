// css-loader exports a CSS module's class names as an object assigned to `locals` (`a.locals={footer:"fZZk…",
// password:"jvbH…"}` in a webpack bundle, `___CSS_LOADER_EXPORT___.locals = {` unminified): each value is the
// name generated for one class, and a stylesheet that styles a `.password` or `.token` field gives that object
// a key the name-based rules read as a credential. Its other values are `:export` CSS values, never secrets.
// The object is css-loader's own: its export (`___CSS_LOADER_EXPORT___`, `exports` before css-loader 4) or a
// minifier's one- or two-letter name for it. Express's `app.locals = {…}` and `res.locals` are an application's
// own settings, where a password is one.
const LOCALS_OPEN =
  /(?<![\w$.])(?:(___CSS_LOADER_EXPORT___|exports)|[A-Za-z_$][\w$]?)\.locals\s{0,3}=\s{0,3}\{[^{}]*$/;
const LOOK_BACK = 2000;
// A minified server bundle names Express's `app` with one letter too (`e.locals={password:"…"}`): there the
// map is css-loader's only when the value is a class the module's own stylesheet, pushed just before the map
// (`n.push([e.id,".jvbH…{display:flex}",""]),a.locals={…}`), declares. A module's CSS can be longer than the
// line the engine hands a check, so the caller can give the wider text before the value (`before`).

/** True when `.name` is a class selector in `css` (followed by what may follow a selector, not a longer name). */
function declaresClass(css: string, name: string): boolean {
  const dotted = `.${name}`;
  for (let i = css.indexOf(dotted), n = 0; i !== -1 && n < 50; i = css.indexOf(dotted, i + 1), n++) {
    const next = css.charCodeAt(i + dotted.length);
    // A name character after it makes it another class (`.password-row`); end of text cannot be a selector.
    if (Number.isNaN(next)) return false;
    if (!/[\w-]/.test(String.fromCharCode(next))) return true;
  }
  return false;
}

/**
 * True when `secret`, quoted on `line`, is a value of css-loader's `locals` object: the nearest unclosed `{`
 * before it opens `locals = {`, on css-loader's export or, under a minified name, with the value a class the
 * stylesheet before it declares.
 */
export function inCssModuleMap(line: string, secret: string, before?: () => string): boolean {
  if (!line.includes('locals')) return false;
  for (const q of ['"', "'"]) {
    const quoted = `${q}${secret}${q}`;
    for (let i = line.indexOf(quoted), n = 0; i !== -1 && n < 20; i = line.indexOf(quoted, i + 1), n++) {
      const open = LOCALS_OPEN.exec(line.slice(Math.max(0, i - LOOK_BACK), i));
      if (open === null) continue;
      if (open[1] !== undefined) return true;
      if (declaresClass(line.slice(0, i), secret)) return true;
      // The line is a window around the value: the stylesheet may start before it.
      if (before !== undefined && declaresClass(before(), secret)) return true;
    }
  }
  return false;
}
