import type { MatchContext, Verdict } from './types.js';

/**
 * Keys a vendor writes into every copy of its own web client, recognised by where they are sent: an
 * endpoint that serves only that vendor's own clients. YouTube's InnerTube API (`/youtubei/v1/…?key=`,
 * `INNERTUBE_API_KEY` in every youtube.com page) takes the key of YouTube's web client, which third-party
 * clients (searx, yt-dlp, Invidious) copy from the page; a project's own Google Cloud key calls
 * `googleapis.com` and is still reported there, or wherever else it is written.
 */
const VENDOR_CLIENT_KEY = [
  // The key in the query of a link to the InnerTube endpoint (on any of YouTube's hosts). The text before
  // the match may stop short of the `=` (the token's pattern opens on the character before it).
  /\/youtubei\/v1\/[^\s"'`<>]*[?&]key=?$/i,
  // The key under the name YouTube's page gives it (`INNERTUBE_API_KEY`, `innertubeApiKey`), assigned or
  // passed with its name (`ytcfg.setdefault('INNERTUBE_API_KEY', '…')`).
  /innertube[_-]?api[_-]?key["']?\s{0,3}(?::=|=>|=|:|,)\s{0,3}["'`]?$/i,
];

/**
 * Google Chat's incoming webhooks: every webhook URL Google issues carries the same public key of the Chat
 * API in its query (`chat.googleapis.com/v1/spaces/<space>/messages?key=AIza…&token=…`); the webhook's
 * credential is the token after it, reported whole by `google-chat-webhook`. The URL may be broken over
 * two lines (a comment that wraps it with `\`): the space's path then ends the line above.
 */
const CHAT_SPACE = /chat\.googleapis\.com\/v1\/spaces\/[^\s"'`<>]*$/i;
const CHAT_MESSAGES_KEY = /\/?messages\?key=?$/i;

function isChatWebhookKey(m: MatchContext): boolean {
  const at = m.before.search(CHAT_MESSAGES_KEY);
  if (at < 0) return false;
  const head = m.before.slice(0, at);
  if (CHAT_SPACE.test(head.replace(/\/$/, '/'))) return true;
  // Wrapped: only the comment marker or indentation before `messages?key=` on this line.
  if (!/^[\s#/*]*$/.test(head)) return false;
  const text = m.around();
  const lineAt = text.indexOf(m.line);
  if (lineAt <= 0) return false;
  const above = text.slice(0, lineAt).replace(/\r?\n$/, '');
  const previous = above.slice(above.lastIndexOf('\n') + 1).replace(/[\s\\]+$/, '');
  return CHAT_SPACE.test(previous.endsWith('/') ? previous : `${previous}/`);
}

/**
 * A Firebase project's web API key: sent only to Firebase Authentication's REST API
 * (`identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=…`, `securetoken.googleapis.com`), or
 * written into a Firebase web configuration beside its `authDomain` on `firebaseapp.com`. Google documents it
 * as an identifier of the project that every copy of its web or mobile client carries, safe to ship; what
 * guards the project is its security rules and the key's API restrictions. Lowered, not dropped: the same
 * key unrestricted also calls paid Google APIs.
 */
const FIREBASE_AUTH = /\b(?:identitytoolkit|securetoken)\.googleapis\.com\//i;
const FIREBASE_AUTH_QUERY = /\b(?:identitytoolkit|securetoken)\.googleapis\.com\/[^\s"'`<>]*[?&]key=?$/i;
const FIREBASE_CONFIG = /\bauthDomain["']?\s{0,3}:\s{0,3}["'`][\w.-]+\.firebaseapp\.com["'`]/;
const FIREBASE_NOTE =
  "A Firebase project's web API key (sent only to Firebase Authentication, or in a Firebase web configuration): Google documents it as safe to ship in a client; check that its API restrictions allow only Firebase.";

function isFirebaseWebKey(m: MatchContext): boolean {
  if (FIREBASE_AUTH_QUERY.test(m.before)) return true;
  const at = m.line.indexOf(m.secret);
  const name =
    at < 0 ? undefined : /(\w{3,})["']?\s{0,3}(?::=|=|:)\s{0,3}["'`]?$/.exec(m.line.slice(0, at))?.[1];
  if (name === undefined) return false;
  // The configuration's own `apiKey` member: another key beside it (`mapsKey: 'AIza…'`) is another API's
  // (review40).
  if (FIREBASE_CONFIG.test(m.around())) return /^api_?key$/i.test(name);
  // Assigned to a name (`_API_KEY = 'AIza…'`) that every other line using it sends to Firebase Authentication.
  const word = new RegExp(`(?<![\\w$])${name}(?![\\w$])`);
  const uses = m
    .fileText()
    .split('\n')
    .filter((l) => word.test(l) && !l.includes(m.secret));
  return uses.length > 0 && uses.every((l) => FIREBASE_AUTH.test(l));
}

/** Drops a vendor's own web-client key (see above), lowers a Firebase web key; keeps every other match. */
export function vendorClientKeyVerdict(m: MatchContext): Verdict {
  if (VENDOR_CLIENT_KEY.some((re) => re.test(m.before)) || isChatWebhookKey(m)) return false;
  return isFirebaseWebKey(m) ? { severity: 'medium', note: FIREBASE_NOTE } : {};
}

/**
 * The same test for a name-based (generic) rule, whose match opens on the name: the line up to the value
 * is what the vendor's name or link must end. A Google key that `gcp-api-key` drops as YouTube's web-client
 * key must not come back as a generic secret under the same name.
 */
export function isVendorClientKeyByName(m: MatchContext): boolean {
  const at = m.line.indexOf(m.secret);
  if (at < 0) return false;
  const upTo = m.line.slice(0, at);
  return VENDOR_CLIENT_KEY.some((re) => re.test(upTo));
}
