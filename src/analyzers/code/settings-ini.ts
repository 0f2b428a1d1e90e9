/**
 * A Django settings module that takes `DEBUG` and `SECRET_KEY` from an INI/cfg file it names (ConfigObj, or
 * configparser's `read`): the values that ship in that file are the settings, as if the module assigned
 * them. `DEBUG = True` there is `code/py-django-debug`'s weakness, a fixed `SECRET_KEY` there
 * `code/py-hardcoded-secret-key`'s; both are reported at the file's line. Only a file of the scanned tree
 * that the module names by a literal path is read (an absolute `/etc/app/site.cfg` is the tree's
 * `etc/app/site.cfg`, as a package installs it), and only the section the module reads the key from.
 */
import { posix } from 'node:path';

export type IniKey = 'DEBUG' | 'SECRET_KEY';

/** One setting the module reads from a named file, and the line of the file that gives it. */
export interface IniSetting {
  key: IniKey;
  /** The cfg file, relative to the scan root. */
  path: string;
  line: number;
  value: string;
  /** The module's line that reads it. */
  readAt: number;
}

const KEYS: readonly IniKey[] = ['DEBUG', 'SECRET_KEY'];
// Django's own settings names: a module that assigns one of them is a settings module.
const DJANGO_SETTINGS = /^(?:INSTALLED_APPS|ROOT_URLCONF|MIDDLEWARE(?:_CLASSES)?)\s*=/m;
const STRING = /(['"])([^'"\n]+)\1/g;

/** Reader name → the literal paths it reads. */
function readers(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (name: string, paths: string[]) => out.set(name, [...(out.get(name) ?? []), ...paths]);
  for (const m of text.matchAll(/^(\w+)\s*=\s*(?:configobj\.)?ConfigObj\s*\(\s*(['"])([^'"\n]+)\2/gm))
    add(m[1]!, [m[3]!]);
  const parsers = [
    ...text.matchAll(/^(\w+)\s*=\s*(?:configparser\.|ConfigParser\.)?(?:Raw|Safe)?ConfigParser\s*\(/gm),
  ].map((m) => m[1]!);
  for (const name of parsers) {
    const read = new RegExp(`^${name}\\.read\\s*\\(([^)\\n]*)\\)`, 'gm');
    for (const m of text.matchAll(read))
      add(
        name,
        [...m[1]!.matchAll(STRING)].map((s) => s[2]!),
      );
  }
  return out;
}

/** Where the module reads a key: the reader's name and the section, at module level. */
function readsOf(text: string, key: IniKey): { reader: string; section: string; line: number } | undefined {
  const lines = text.split('\n');
  const subscript = new RegExp(
    `^${key}\\s*=\\s*(\\w+)\\s*\\[\\s*['"]([\\w.-]+)['"]\\s*\\]\\s*\\[\\s*['"]${key}['"]\\s*\\]`,
    'i',
  );
  const getter = new RegExp(
    `^${key}\\s*=\\s*(\\w+)\\.get(?:boolean)?\\(\\s*['"]([\\w.-]+)['"]\\s*,\\s*['"]${key}['"]`,
    'i',
  );
  for (let i = 0; i < lines.length; i++) {
    const m = subscript.exec(lines[i]!) ?? getter.exec(lines[i]!);
    if (m) return { reader: m[1]!, section: m[2]!, line: i + 1 };
  }
  return undefined;
}

/** The tree path a literal path names, if the tree has it. */
function inTree(literal: string, modulePath: string, has: (p: string) => boolean): string | undefined {
  if (literal.startsWith('~') || /[%{$]/.test(literal)) return undefined;
  const candidates = literal.startsWith('/')
    ? [literal.slice(1)]
    : [posix.normalize(posix.join(posix.dirname(modulePath), literal)), posix.normalize(literal)];
  return candidates.find((p) => !p.startsWith('..') && has(p));
}

/** The value of `key` in `section` of an INI/cfg text (ConfigObj or configparser), with its line. */
export function iniValue(
  text: string,
  section: string,
  key: IniKey,
): { value: string; line: number } | undefined {
  let current: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const head = /^\s*(\[+)\s*([^[\]]+?)\s*\]+\s*$/.exec(line);
    if (head) {
      // A nested ConfigObj section (`[[env]]`) is not the section itself.
      current = head[1]!.length === 1 ? head[2]! : undefined;
      continue;
    }
    if (current?.toLowerCase() !== section.toLowerCase()) continue;
    const kv = new RegExp(`^${key}\\s*[=:]\\s*(.*?)\\s*$`, 'i').exec(line);
    if (!kv) continue;
    const raw = kv[1]!.replace(/\s+[#;].*$/, '');
    return { value: raw.replace(/^(['"])(.*)\1$/, '$2'), line: i + 1 };
  }
  return undefined;
}

// A value the deployment fills in: interpolation, an environment reference, a template marker.
const FILLED_IN = /%\(|\$\{?\w|@\w+@|\{\{|^<.*>$/;
// An instruction to replace the value (code/py-placeholder-secret-key's words).
const PLACEHOLDER =
  /change[\s_-]?(?:me|this|it)\b|set[\s_-]+(?:this|me|a|your)\b|replace[\s_-]?(?:me|this|with)\b|(?:put|insert|enter|add)[\s_-]+your\b|your[\s_-]+(?:own[\s_-]+)?(?:secret|key|random)|\b(?:todo|fixme)\b|^x{4,}$/i;

/** Whether a shipped value is the weakness: DEBUG switched on, a secret key written out. */
export function shipsWeakValue(key: IniKey, value: string): boolean {
  if (key === 'DEBUG') return /^(?:true|yes|on|1)$/i.test(value);
  return value.length >= 4 && !FILLED_IN.test(value) && !PLACEHOLDER.test(value);
}

/**
 * The DEBUG and SECRET_KEY values a Django settings module at `modulePath` takes from cfg files of the tree,
 * where the shipped value is the weakness. `read` gives a tree file's text.
 */
export async function iniSettings(
  text: string,
  modulePath: string,
  has: (p: string) => boolean,
  read: (p: string) => Promise<string | undefined>,
): Promise<IniSetting[]> {
  if (!DJANGO_SETTINGS.test(text) || !/ConfigObj|ConfigParser/.test(text)) return [];
  const byReader = readers(text);
  const out: IniSetting[] = [];
  for (const key of KEYS) {
    const reads = readsOf(text, key);
    const paths = reads ? byReader.get(reads.reader) : undefined;
    if (!reads || !paths) continue;
    for (const literal of paths) {
      const path = inTree(literal, modulePath, has);
      const cfg = path ? await read(path) : undefined;
      const found = cfg !== undefined ? iniValue(cfg, reads.section, key) : undefined;
      if (path && found && shipsWeakValue(key, found.value))
        out.push({ key, path, line: found.line, value: found.value, readAt: reads.line });
    }
  }
  return out;
}
