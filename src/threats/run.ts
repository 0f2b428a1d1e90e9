import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { walk } from '../discover/walk.js';
import { iacUnits, isIacPath } from './iac-facts.js';
import type { IacUnit } from './iac-facts.js';
import { draftModel } from './init.js';

/** Names looked for when no model path is given, in order. */
export const DEFAULT_MODEL_NAMES = [
  'threatmodel.yaml',
  'threatmodel.yml',
  'threat-model.yaml',
  'threagile.yaml',
  'threagile.yml',
];
const MAX_IAC_FILE = 2 * 1024 * 1024;

/** The model file for a CLI argument: a file, or a directory holding one of the default names. */
export function resolveModelPath(arg: string | undefined, cwd: string): string {
  const p = resolve(cwd, arg ?? '.');
  if (!existsSync(p)) throw new UsageError(`threat model not found: ${arg ?? p}`);
  if (statSync(p).isFile()) return p;
  for (const n of DEFAULT_MODEL_NAMES) if (existsSync(join(p, n))) return join(p, n);
  throw new UsageError(
    `no threat model in ${p} (looked for ${DEFAULT_MODEL_NAMES.join(', ')}); run "vanguard threats init" to draft one`,
  );
}

/** The IaC units of a tree, through the shared walker. */
export async function collectUnits(
  root: string,
): Promise<{ units: IacUnit[]; texts: Map<string, string>; warnings: string[]; paths: Set<string> }> {
  const { files } = await walk(root, { maxFileSize: MAX_IAC_FILE });
  const units: IacUnit[] = [];
  const texts = new Map<string, string>();
  const warnings: string[] = [];
  for (const f of files) {
    if (!isIacPath(f.name, f.ext) || DEFAULT_MODEL_NAMES.includes(f.name)) continue;
    const text = await readFile(f.absPath, 'utf8');
    // A broken manifest must not stop the threat report; it is reported by `vanguard scan`.
    const found = safeUnits(f.path, text, warnings);
    if (found.length > 0) texts.set(f.path, text);
    units.push(...found);
  }
  return { units, texts, warnings, paths: new Set(files.map((f) => f.path)) };
}

function safeUnits(path: string, text: string, warnings: string[]): IacUnit[] {
  try {
    return iacUnits(path, text);
  } catch (err) {
    warnings.push(`skipped ${path}: ${(err as Error).message}`);
    return [];
  }
}

/** Drafts threatmodel.yaml text for the tree at `root`. */
export async function initModel(root: string): Promise<{ text: string; units: number }> {
  const { units } = await collectUnits(root);
  return { text: draftModel(basename(resolve(root)), units), units: units.length };
}
