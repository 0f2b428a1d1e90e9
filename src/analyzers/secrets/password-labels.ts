/**
 * Values in a password's place that are not a password: a status or an option's word, a value that names
 * itself, the key of key-value text with its separator, a URL example's credential name.
 */
// Values of status maps and option tables (`pass: "passed"`, `password: required`): never a password.
export const NOT_A_PASSWORD =
  /^(?:pass(?:ed|es|ing)?|fail(?:ed|s|ure|ing)?|pending|skip(?:ped)?|todo|ok|success|error|true|false|null|nil|none|undefined|required|optional|enabled?|disabled?|yes|no|on|off|empty|default|hidden|visible|valid|invalid|unknown)$/i;
// A value that names itself (`admin-password`, `user_password`, `my-secret`, `pass-x`): lower-case words
// around the word password (or its short form), the placeholder of a test or an example (Etherpad's test
// users, redis-commander's documented `"password": "pass-x"`), never a generated secret.
// Also glued to one word (`adminpwd`, `userpass`), as test users' passwords are often written.
// Or saying what it stands for, glued (`passwordforuser`, `passwordhere`: a help text's curl example).
export const SELF_NAMED =
  /^(?:[a-z]{1,20}[-_.]){0,3}(?:password|passwd|passwort|pwd|pass|secret)(?:[-_.][a-z]{1,20}){0,3}$|^[a-z]{2,20}(?:password|passwd|pwd|pass)$|^(?:password|passwd|pwd)(?:for|of|here|goes)[a-z]{0,20}$/;
// A value that is the key of key-value text with its separator, the real value appended after it
// (`'a=ice-pwd:' + ice.pwd`, SDP's ICE password attribute; `'--password=' + pw` of a command line;
// `'password=' + pw` of a query): lower-case words (`a=`, `ice-`) before the password word, then `:` or `=`
// ending the text. A label, never the secret; a password glued to the word (`secretpwd=`) is not read so.
export const FIELD_LABEL =
  /^-{0,2}(?:[a-z]{1,20}[-_.=]){0,3}(?:password|passwd|passwort|passphrase|pwd|pass)[:=]$/i;
// In a URL, a password that is the name of the credential to put there, in PascalCase
// (`twilio://AccountSid:AuthToken@FromPhoneNo`, `https://user:YourPassword@…`): a form's example. Only the
// words of a field's name: `SuperSecret` or `MySecretPassword` is a password someone chose.
export const NAMED_CREDENTIAL =
  /^(?:Your)?(?:Auth|Api|API|Access|Account|App|Client|Consumer|Private|Secret|Bot|User|Admin|Root|Db|DB|Database|Service|Session|Refresh|Bearer|Signing|Master|Sid|Id){0,3}(?:Token|Secret|Key|Password|Passwd|Pwd|Pass)$/;
// In a URL, a password and a host that are both environment variables' names (`postgres://POSTGRES_USER:
// POSTGRES_PASSWORD@POSTGRES_HOST:POSTGRES_PORT/…`, a README's command "substituting the relevant variables"):
// upper-case words joined by `_`, the password's last word naming a credential. No host name holds `_` in upper
// case, so the URL is a template to fill in; a real password beside a real host is still read.
export const SNAKE_CREDENTIAL =
  /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:PASSWORD|PASSWD|PWD|PASS|SECRET|TOKEN|KEY)$/;
export const SNAKE_HOST = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?:$|[:/?#\s'"`])/;
