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

/** Drops a vendor's own web-client key (see above); keeps every other match. */
export function vendorClientKeyVerdict(m: MatchContext): Verdict {
  return VENDOR_CLIENT_KEY.some((re) => re.test(m.before)) || isChatWebhookKey(m) ? false : {};
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
