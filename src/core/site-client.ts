/**
 * A site client: a module that declares which pages of a website it handles, by a pattern of that site's
 * page links with a part it captures (`_VALID_URL = r'https?://(?:www\.)?example\.com/video/(?P<id>\d+)'`,
 * `/^https?:\/\/(?:www\.)?example\.com\/watch\?v=([\w-]+)/`). Video downloaders' extractors, media-player
 * plugins, link-preview and scraper modules are written so: each one handles one site's links and talks to
 * that site's servers as its own web page or app does, sending back the API key, app id, client secret or
 * request-signing key that the site's page or app gives every visitor (yt-dlp's ~1,000 extractors).
 *
 * No shape in the code tells whose account such a key belongs to (a project's own key sent to a third party
 * is also a literal sent to an API), so a key-like credential found in such a module is lowered one step with
 * a note that says why, never dropped. What does not make a module a site client: a test that a value is any
 * web address (`/^https?:\/\//`, no site), a site's origin alone (a CORS allow-list, `^https?://(.+\.)?example\.com$`:
 * no path, nothing captured), a host or path matched without a captured part (a webhook address check).
 */

// The scheme as a pattern writes it (`https?:` then `//` in a string, `\/\/` in a JavaScript regex literal),
// a host with an escaped dot, a path, and a capturing group (not `(?:`, a look-around or a flag group) in the
// path: all inside one literal (no quote, and in a regex literal no unescaped slash, between them).
const SITE_LINK_PATTERN = [
  /https\?:\/\/[^'"`\n]{0,120}?[\w)?]\\\.[\w()[][^'"`/]{0,80}\/[^'"`]{0,160}?\((?!\?(?:[:=!#]|<[=!]|[a-z]+[:)]))/,
  /https\?:\\\/\\\/(?:[^'"`/\n]|\\\/){0,120}?[\w)?]\\\.[\w()[](?:[^'"`/\n\\]|\\[^/]){0,80}\\\/(?:[^'"`/\n]|\\\/){0,160}?\((?!\?(?:[:=!]|<[=!]))/,
  // A verbose pattern (`(?x)`) spreads the same over lines, its scheme on a line of its own and the host in
  // groups of alternatives: a host with an escaped dot, then a capturing group, anywhere in the literal.
  /\(\?[a-z]*x[a-z]*\)\s*(?:\(\?:\s*)?https\?:\/\/[^'"`]{0,400}?[\w)?]\\\.[\w()[][^'"`]{0,600}?\((?!\?(?:[:=!#]|<[=!]|[a-z]+[:)]))/,
];

// A site's base pattern under a name (`_VALID_URL_BASE = r'https?://example\.com/[a-z]{2}/'`: scheme, host with an
// escaped dot, a path ending the literal), which the patterns of its pages extend.
const SITE_LINK_BASE = /\b(\w+)\s*=\s*[rRuU]?(['"])https\?:\/\/[^'"\n]{0,120}?[\w)?]\\\.[^'"\n]{0,120}\/\2/g;
const CAPTURE = String.raw`\((?!\?(?:[:=!#]|<[=!]|[a-z]+[:)]))`;

/** True when the base pattern `name` is extended by a literal that captures (`NAME + r'v/(?P<id>…)'`, `r'%s(…)' % NAME`). */
function extendedByCapture(text: string, name: string): boolean {
  const joined = new RegExp(String.raw`\b${name}\s*\+\s*[rRuU]?['"][^'"\n]{0,160}?${CAPTURE}`);
  const formatted = new RegExp(
    String.raw`['"]%s[^'"\n]{0,160}?${CAPTURE}[^'"\n]*['"]\s*%\s*(?:[\w.]*\.)?${name}\b`,
  );
  return joined.test(text) || formatted.test(text);
}

/** True when `text` declares a pattern of one site's page links with a captured part (see above). */
export function handlesSiteLinks(text: string): boolean {
  if (!text.includes('https?:')) return false;
  if (SITE_LINK_PATTERN.some((re) => re.test(text))) return true;
  for (const m of text.matchAll(SITE_LINK_BASE)) if (extendedByCapture(text, m[1]!)) return true;
  return false;
}

/** The note a lowered finding carries: why it is lowered and when it still matters. */
export const SITE_CLIENT_NOTE =
  "in a module that handles one website's page links (its pattern captures part of the address), most likely a key that site's own page or app gives every visitor, sent back to look like its client; rotate it if it is your own";
