/** Finds packages installed without a version in one shell command string (apt, apk, yum/dnf, pip, npm, gem). */

interface Manager {
  /** Matches the install verb; the words after it are the arguments. */
  verb: RegExp;
  pinned: (pkg: string) => boolean;
  /** Flags that take a value (the next word is not a package). */
  valueFlags?: ReadonlySet<string>;
}

const MANAGERS: Manager[] = [
  {
    verb: /\b(?:apt-get|apt)\s{1,8}(?:-\S{1,40}\s{1,8}){0,6}install\b/,
    pinned: (p) => p.includes('=') || p.endsWith('.deb'),
  },
  {
    verb: /\bapk\s{1,8}(?:-\S{1,40}\s{1,8}){0,6}add\b/,
    pinned: (p) => /[=~<>]/.test(p),
    valueFlags: new Set(['--repository', '-X', '--virtual', '-t']),
  },
  {
    verb: /\b(?:yum|dnf|microdnf|zypper)\s{1,8}(?:-\S{1,40}\s{1,8}){0,6}install\b/,
    pinned: (p) => /-\d/.test(p) || p.endsWith('.rpm') || p.includes('://'),
  },
  {
    verb: /\bpip[23]?(?:\.\d{1,3})?\s{1,8}install\b/,
    pinned: (p) =>
      /[=<>~!@]/.test(p) ||
      p.includes('/') ||
      p.startsWith('.') ||
      p.endsWith('.whl') ||
      p.endsWith('.tar.gz'),
    valueFlags: new Set([
      '-r',
      '--requirement',
      '-c',
      '--constraint',
      '-i',
      '--index-url',
      '--extra-index-url',
      '-e',
      '--editable',
      '-t',
      '--target',
      '--trusted-host',
      '-f',
      '--find-links',
    ]),
  },
  {
    verb: /\bnpm\s{1,8}(?:install|i|add)\s{1,8}(?:\S{1,40}\s{1,8}){0,4}?(?:-g|--global)\b/,
    pinned: (p) => /.@\S/.test(p) || p.startsWith('.') || p.startsWith('/'),
  },
  { verb: /\bgem\s{1,8}install\b/, pinned: (p) => p.includes(':'), valueFlags: new Set(['-v', '--version']) },
];

const SEPARATORS = /&&|\|\||;|\||\n/;

/** Packages installed without a version pin in `cmd`. */
export function unpinnedPackages(cmd: string): string[] {
  const out: string[] = [];
  for (const segment of cmd.replace(/\\\n/g, ' ').split(SEPARATORS)) {
    for (const m of MANAGERS) {
      const hit = m.verb.exec(segment);
      if (!hit) continue;
      const words = segment
        .slice(hit.index + hit[0].length)
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      const hasVersionFlag = words.some((w) => w === '-v' || w === '--version' || w.startsWith('--version='));
      for (let i = 0; i < words.length; i++) {
        const w = words[i]!;
        if (w.startsWith('-')) {
          if (m.valueFlags?.has(w)) i++;
          continue;
        }
        if (/[$`"'(){}<>]/.test(w) && !/[=~<>]/.test(w)) continue;
        if (w.startsWith('$')) continue;
        if (!m.pinned(w) && !(hasVersionFlag && m.valueFlags?.has('-v'))) out.push(w.replace(/["']/g, ''));
      }
    }
  }
  return out;
}
