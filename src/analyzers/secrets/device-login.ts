import { androidDebugKeystorePassword, replacedDefaultForHost } from '../../core/device-login.js';
import { blocksAround } from './config-block.js';
import { CONFIG_FILE, JSON_CONFIG } from './filters.js';
import type { MatchContext } from './types.js';

/**
 * Logins that a program sends, not one it accepts: the default login of a device the program drives at a host it
 * is given (core/device-login.ts; a power switch's driver falling back to the device's factory login), and the
 * published password of Android's debug keystore. What they protect is the device's or the SDK's, set there.
 */

// A configuration block's member naming the driver the program reaches the device with (`"driver": "intellinet"`).
const DRIVER_MEMBER = /^\s*["']?driver["']?\s{0,3}[:=]\s{0,3}["']?[\w.-]{2,60}/i;
const BLOCK_LIMIT = 15;

/**
 * True when the password of `m` is the default login of a device the program drives: in program source, an
 * attribute default the code replaces from its settings, beside the host it was given (core/device-login.ts); in
 * a configuration file, every block around it names the program's driver for the device (`"driver":
 * "ubntmfi3port"` beside `"password": "ubnt"`): a device entry, whose login the device sets.
 */
export function deviceDefaultLogin(m: MatchContext): boolean {
  if (m.sourceCode) return replacedDefaultForHost(m.line, m.around());
  if (!CONFIG_FILE.test(m.path) && !JSON_CONFIG.test(m.path)) return false;
  const blocks = blocksAround(m.around(), m.line, BLOCK_LIMIT);
  return blocks.length > 0 && blocks.every((block) => block.some((l) => DRIVER_MEMBER.test(l)));
}

/** True for the published password of Android's debug keystore, beside the keystore's file or key alias. */
export function androidDebugKeystore(m: MatchContext): boolean {
  return androidDebugKeystorePassword(m.secret, m.around());
}
