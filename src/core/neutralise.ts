/**
 * Text from a scanned repository, an advisory record or a remote server, made inert before any
 * output sees it: C0 and C1 control characters (escape sequences that retitle or drive a terminal,
 * carriage returns that overwrite a line) and bidirectional overrides (text shown in another order
 * than it is read) become `?`. Each output format still escapes its own syntax on top of this.
 */

const CONTROLS_KEEP_LINES =
  // eslint-disable-next-line no-control-regex -- replacing control characters is the point
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;

/** Multi-line text (a message, a snippet): line breaks and tabs stay, every other control becomes `?`. */
export function neutraliseText(s: string): string {
  return s.replace(CONTROLS_KEEP_LINES, '?');
}

/** One-line text (an id, a title, a path): every control, line breaks included, becomes `?`. */
export function neutraliseLine(s: string): string {
  return s.replace(CONTROLS, '?');
}
