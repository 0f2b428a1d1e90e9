/**
 * The default login of a device a program drives, written in its code: an attribute default of a password
 * (`self.password = "admin"`) that the same code then replaces from the settings it was given (`self.password =
 * settings["password"]`), in code that also stores the host it was given (`self.hostname = hostname`). A power
 * switch's or a router's driver falls back to the device's factory login: the program sends it to the device at
 * that host, it protects nothing of the program's, and the operator's own setting replaces it. A program's own
 * account (a server's default administrator, an API's Basic login, a seeded database user) is not of this shape:
 * no host given to it, no setting replacing it, and stays.
 */

// An attribute default of a password (`self.password = "ubnt"`, `this.pass = 'admin';`): its name.
const ATTRIBUTE_DEFAULT =
  /^\s*(?:self|this)\.(\w{1,40})\s{0,3}=\s{0,3}["'`][^"'`]{1,64}["'`]\s*;?\s*(?:#.*)?$/;
// The object stores a host it was given (`self.hostname = hostname`, `this.host = options.host`,
// `self.ip = settings["ip"]`).
const HOST_FROM_CALLER =
  /^\s*(?:self|this)\.(?:host(?:name)?|address|ip)\s{0,3}=\s{0,3}(?:[\w.]{1,40}\.|\w{1,40}\[["'])?(?:host(?:name)?|address|ip)\b/m;
const LINES_AROUND = 15;

export const DEVICE_LOGIN_NOTE =
  'the default login of a device the program reaches at the host it is given (its driver’s fallback or configuration entry): the device’s own setting, which the program sends; change it on the device';

/**
 * True when `line` sets an attribute default of a password that the code in `around` (the lines around it)
 * replaces from a lookup of what it was given (`self.password = settings["password"]`, `= opts.get(`), and the
 * code there stores a host it was given.
 */
export function replacedDefaultForHost(line: string, around: string): boolean {
  const name = ATTRIBUTE_DEFAULT.exec(line)?.[1];
  if (name === undefined) return false;
  const at = around.indexOf(line);
  if (at < 0) return false;
  const replaced = new RegExp(
    `^\\s*(?:self|this)\\.${name}\\s{0,3}=\\s{0,3}[\\w.]{1,40}(?:\\[["'\`]|\\.get\\()`,
    'm',
  );
  return replaced.test(around.slice(at + line.length)) && HOST_FROM_CALLER.test(around);
}

/** replacedDefaultForHost for line `lineNo` (1-based) of `text`, read with the 15 lines each side. */
export function deviceDefaultLine(text: string, lineNo: number): boolean {
  const lines = text.split('\n');
  const line = lines[lineNo - 1];
  if (line === undefined) return false;
  const around = lines.slice(Math.max(0, lineNo - 1 - LINES_AROUND), lineNo + LINES_AROUND).join('\n');
  return replacedDefaultForHost(line, around);
}

// Android's SDK creates ~/.android/debug.keystore with a published store and key password (key alias
// androiddebugkey): every developer's machine has the same one, and it signs debug builds only.
const ANDROID_DEBUG_KEYSTORE = /debug\.keystore|androiddebugkey/i;
const DEBUG_KEYSTORE_WORD = 'android';

export const ANDROID_DEBUG_KEYSTORE_REASON =
  "the published password of Android's debug keystore (~/.android/debug.keystore, key alias androiddebugkey), the same on every developer's machine; it signs debug builds only";

/** True for the published password of Android's debug keystore when `around` names the keystore's file or key alias. */
export function androidDebugKeystorePassword(secret: string | undefined, around: string): boolean {
  return secret === DEBUG_KEYSTORE_WORD && ANDROID_DEBUG_KEYSTORE.test(around);
}
