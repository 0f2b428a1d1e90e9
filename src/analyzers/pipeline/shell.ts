/** Shell-command patterns of CI scripts. Bounded, linear regexes (the inputs are attacker-authored). */

const FETCH_PIPE_SHELL =
  /\b(?:curl|wget|iwr|Invoke-WebRequest|irm|Invoke-RestMethod)\b[^|;&\n]{0,400}\|\s{0,8}(?:sudo\s{1,8}(?:-\S{1,20}\s{1,8}){0,3})?(?:\/usr\/bin\/|\/bin\/)?(?:env\s{1,8})?(?:ba|z|da|k|fi)?sh\b|\b(?:curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b[^|;&\n]{0,400}\|\s{0,8}(?:sudo\s{1,8})?(?:python[23]?|perl|ruby|node|iex|Invoke-Expression)\b/i;
const SHELL_OF_FETCH = /\b(?:ba|z|da)?sh\s{1,8}(?:-c\s{1,8}["']?\$\(|<\(\s{0,4})\s{0,4}(?:curl|wget)\b/i;

/** The fetch command of a line that downloads a script and runs it unverified (`curl … | sh`), if any. */
export function fetchPipeShell(line: string): string | undefined {
  if (!/curl|wget|iwr|irm|invoke-/i.test(line)) return undefined;
  if (!FETCH_PIPE_SHELL.test(line) && !SHELL_OF_FETCH.test(line)) return undefined;
  return /\b(?:curl|wget|iwr|irm|Invoke-WebRequest|Invoke-RestMethod)\b/i.exec(line)?.[0];
}

// Installs of named packages outside a lockfile: `npm install lodash`, `gem install rake`, `pip install x`.
const ADHOC =
  /(?:^|[;&|(]\s{0,4}|\bsudo\s{1,4})(?:npm\s{1,4}(?:install|i|add|isntall)|yarn\s{1,4}(?:global\s{1,4})?add|pnpm\s{1,4}(?:add|install|i)|gem\s{1,4}(?:install|i)|pip[23]?\s{1,4}install|python[23]?\s{1,4}-m\s{1,4}pip\s{1,4}install|pipx\s{1,4}install|cargo\s{1,4}install|go\s{1,4}install)\b([^;&|\n]{0,400})/;

/** The ad-hoc package install on a line (`npm install lodash`), or undefined (lockfile installs are fine). */
export function adhocInstall(line: string): string | undefined {
  if (!/\b(?:install|add|i)\b/.test(line)) return undefined;
  const m = ADHOC.exec(line);
  if (!m) return undefined;
  const words = m[1]!.trim().split(/\s+/).filter(Boolean);
  const cmd = m[0].trim().replace(/^[;&|(]\s*|^sudo\s+/, '');
  const flagsWithValue = new Set([
    '-v',
    '--version',
    '--prefix',
    '--registry',
    '-r',
    '--requirement',
    '-c',
    '--constraint',
    '--target',
    '-t',
    '--index-url',
    '-i',
  ]);
  const names: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-')) {
      // Requirement files, local paths and hash-checked installs are not ad hoc.
      if (w === '-r' || w === '--requirement' || w === '-e' || w === '--editable' || w === '--require-hashes')
        return undefined;
      if (flagsWithValue.has(w)) i++;
      continue;
    }
    if (/^[#>]/.test(w)) break;
    names.push(w);
  }
  // Local paths, archives and requirement files, and npm/pnpm/yarn specs that name a local folder
  // (`pkg@file:../core`, `link:`, `portal:`, `workspace:`) fetch nothing from a registry.
  const real = names.filter(
    (n) =>
      !/^(?:\.{1,2}(?:\/.*)?|\/.*|\$.*|.*\.(?:txt|whl|tgz|gem|tar\.gz)|.*\/.*\.(?:toml|json))$/.test(n) &&
      !/^(?:(?:@[\w.-]+\/)?[\w.-]+@)?(?:file|link|portal|workspace):/.test(n),
  );
  if (real.length === 0) return undefined;
  return `${cmd.split(/\s+/).slice(0, 3).join(' ')}`.trim();
}
