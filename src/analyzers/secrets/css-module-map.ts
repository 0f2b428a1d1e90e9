// css-loader exports a CSS module's class names as an object assigned to `locals` (`a.locals={footer:"fZZk…",
// password:"jvbH…"}` in a webpack bundle, `___CSS_LOADER_EXPORT___.locals = {` unminified): each value is the
// name generated for one class, and a stylesheet that styles a `.password` or `.token` field gives that object
// a key the name-based rules read as a credential. Its other values are `:export` CSS values, never secrets.
// The object is css-loader's own: its export (`___CSS_LOADER_EXPORT___`, `exports` before css-loader 4) or a
// minifier's one- or two-letter name for it. Express's `app.locals = {…}` and `res.locals` are an application's
// own settings, where a password is one.
const LOCALS_OPEN =
  /(?<![\w$.])(?:___CSS_LOADER_EXPORT___|exports|[A-Za-z_$][\w$]?)\.locals\s{0,3}=\s{0,3}\{[^{}]*$/;
const LOOK_BACK = 2000;

/**
 * True when `secret`, quoted on `line`, is a value of css-loader's `locals` object: the nearest unclosed `{`
 * before it opens `locals = {`.
 */
export function inCssModuleMap(line: string, secret: string): boolean {
  if (!line.includes('locals')) return false;
  for (const q of ['"', "'"]) {
    const quoted = `${q}${secret}${q}`;
    for (let i = line.indexOf(quoted), n = 0; i !== -1 && n < 20; i = line.indexOf(quoted, i + 1), n++) {
      if (LOCALS_OPEN.test(line.slice(Math.max(0, i - LOOK_BACK), i))) return true;
    }
  }
  return false;
}
