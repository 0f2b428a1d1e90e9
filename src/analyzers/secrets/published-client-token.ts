import { createHash } from 'node:crypto';
import type { MatchContext, Verdict } from './types.js';

/**
 * X's (Twitter's) own web-client bearer tokens: the app-only tokens that x.com's and TweetDeck's web apps
 * ship in their scripts to every visitor, which every third-party client copies (yt-dlp, gallery-dl, nitter,
 * snscrape, twint… the same two values in each). They name X's own web app, not the account or app of the
 * project that writes them. Kept as SHA-256 digests of the decoded token (`%3D` → `=`, `%2F` → `/`), so the
 * repository holds no token; a bot's or an app's own bearer token has another value and stays at its level.
 */
const X_WEB_CLIENT_TOKENS: ReadonlySet<string> = new Set([
  'a3e5e2d0b256b382e7760596e39d8f50b351aa3e6ffabe48cc345d6e08b292f7',
  '1c6b09108a41d694e731042f15c01e07fa34ebd0bda0c9d5f6f9288df387f167',
]);

const X_WEB_CLIENT_NOTE =
  "X's own web-client bearer token (the one x.com's web app gives every visitor; third-party clients copy it): no credential of this project. A token of your own X app has another value.";

/** The token as written, from where the match starts to the end of the run of token characters. */
function writtenToken(m: MatchContext): string {
  const at = m.line.indexOf(m.secret);
  if (at < 0) return m.secret;
  return /^[A-Za-z0-9%=/+]+/.exec(m.line.slice(at))?.[0] ?? m.secret;
}

function decoded(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    return token;
  }
}

/** True when the value's digest is one of `digests` (a vendor's published client tokens). */
export function isPublishedToken(token: string, digests: ReadonlySet<string>): boolean {
  const digest = (t: string) => createHash('sha256').update(t).digest('hex');
  return digests.has(digest(decoded(token))) || digests.has(digest(token));
}

/** The check of a bearer-token rule: a vendor's published web-client token is lowered to low with the reason. */
export function publishedTokenCheck(
  digests: ReadonlySet<string> = X_WEB_CLIENT_TOKENS,
  note = X_WEB_CLIENT_NOTE,
): (m: MatchContext) => Verdict {
  return (m) =>
    isPublishedToken(writtenToken(m), digests) ? { severity: 'low', confidence: 'low', note } : {};
}
