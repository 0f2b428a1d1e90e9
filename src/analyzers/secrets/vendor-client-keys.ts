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
  // The key under the name YouTube's page gives it (`INNERTUBE_API_KEY`, `innertubeApiKey`).
  /innertube[_-]?api[_-]?key["']?\s{0,3}(?::=|=>|=|:)\s{0,3}["'`]?$/i,
];

/** Drops a vendor's own web-client key (see above); keeps every other match. */
export function vendorClientKeyVerdict(m: MatchContext): Verdict {
  return VENDOR_CLIENT_KEY.some((re) => re.test(m.before)) ? false : {};
}
