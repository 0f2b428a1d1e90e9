/** Shell-command patterns shared by the Dockerfile, Kubernetes and pipeline rules. Bounded, linear regexes. */

const FETCH_PIPE_SHELL =
  /\b(?:curl|wget|iwr|Invoke-WebRequest)\b[^|;&\n]{0,400}\|\s{0,8}(?:sudo\s{1,8}(?:-\S{1,20}\s{1,8}){0,3})?(?:\/usr\/bin\/|\/bin\/)?(?:env\s{1,8})?(?:ba|z|da|k|fi)?sh\b|\b(?:curl|wget)\b[^|;&\n]{0,400}\|\s{0,8}(?:sudo\s{1,8})?(?:python[23]?|perl|ruby|node|iex|Invoke-Expression)\b/i;
const SHELL_OF_FETCH = /\b(?:ba|z|da)?sh\s{1,8}(?:-c\s{1,8}["']?\$\(|<\(\s{0,4})\s{0,4}(?:curl|wget)\b/i;

/** True when a command downloads a script and runs it without verifying it (`curl … | sh`). */
export function isFetchPipeShell(cmd: string): boolean {
  return FETCH_PIPE_SHELL.test(cmd) || SHELL_OF_FETCH.test(cmd);
}

/** Keys whose values are credentials. */
const SECRET_KEY =
  /(?:passw(?:or)?d|passwd|pwd|(?:^|[_-])pass(?:$|[_-])|secret|token|api[_-]?key|apikey|private[_-]?key|access[_-]?key|credential|auth[_-]?key|client[_-]?secret|(?:encryption|signing|master|session)[_-]?key)/i;
/**
 * Keys that name something about a secret rather than holding it; and etcd's initial cluster token
 * (`ETCD_INITIAL_CLUSTER_TOKEN`, `initial-cluster-token`), an identifier that keeps clusters apart at bootstrap,
 * which etcd's documentation does not treat as a credential.
 */
const NOT_SECRET_KEY =
  /(?:^|[_-])initial[_-]cluster[_-]token$|(?:_file|_path|_dir|_url|_uri|_endpoint|_host|_name|_id|_ref|_type|_length|_len|_ttl|_expiry|_expires|_timeout|_enabled|_enable|_required|_policy|_header|_env|_key_id|_user(?:name)?)$|^(?:token_url|secret_name|secretname)$/i;
const PLACEHOLDER =
  /^(?:\$\{?[A-Za-z_][\w.-]{0,100}\}?|\{\{.{0,200}\}\}|<[^>]{0,100}>|\$\(.{0,200}\)|%[A-Za-z_]\w{0,100}%|\*{3,}|x{3,}|\.{3}|(?:none|null|nil|undefined|true|false|yes|no|required|optional|changeit-in-production)|\/(?:run|var\/run)\/secrets\/.{0,200}|secretref:.{0,200}|vault:.{0,200}|arn:aws:.{0,300}|projects\/.{0,300}\/secrets\/.{0,200})$/i;

/** True when `key = value` assigns a literal credential (not a reference, placeholder or file path). */
export function isLiteralSecret(key: string, value: string): boolean {
  if (!SECRET_KEY.test(key) || NOT_SECRET_KEY.test(key)) return false;
  const v = value.trim();
  if (v.length < 4 || v.length > 4096) return false;
  if (v.includes('${') || v.includes('$(') || v.startsWith('$')) return false;
  return !PLACEHOLDER.test(v);
}
