import { readFile } from 'node:fs/promises';
import { basename, posix } from 'node:path';
import type { AnalyzerContext } from '../../../core/analyzer.js';
import { describeError, ParseError } from '../../../core/errors.js';
import { makeSourceFile } from '../../../core/source-file.js';
import { walk } from '../../../discover/walk.js';
import { inventoryOf } from '../index.js';
import { isDependencyFile } from '../lockfiles/index.js';
import { addInventory, type ProjectBom } from './inventory.js';

export interface BomBuild {
  bom: ProjectBom;
  /** Lockfiles and manifests read. */
  files: string[];
  warnings: string[];
  /** Files that could not be parsed: the SBOM is incomplete without them. */
  failed: { path: string; message: string }[];
}

/** Discovers the dependency files under `root` (walk rules as a scan) and merges their inventories. */
export async function buildProjectBom(root: string, opts: { maxFileSize?: number } = {}): Promise<BomBuild> {
  const walked = await walk(root, { maxFileSize: opts.maxFileSize ?? 50 * 1024 * 1024 });
  const paths = new Set(walked.files.map((f) => f.path));
  const byPath = new Map(walked.files.map((f) => [f.path, f.absPath]));
  const warnings: string[] = [];
  const ctx: AnalyzerContext = {
    root: walked.root,
    paths,
    options: {},
    readFile: async (p) => {
      const abs = byPath.get(p);
      return abs === undefined ? undefined : readFile(abs, 'utf8');
    },
    warn: (m) => void warnings.push(m),
  };
  const bom: ProjectBom = { name: basename(walked.root), components: new Map() };
  const files: string[] = [];
  const failed: BomBuild['failed'] = [];
  for (const f of walked.files
    .filter((x) => isDependencyFile(x.name))
    .sort((a, b) => (a.path < b.path ? -1 : 1))) {
    try {
      const text = await readFile(f.absPath, 'utf8');
      const inv = await inventoryOf(makeSourceFile(f.path, text, f.absPath), ctx);
      if (!inv) continue;
      files.push(f.path);
      addInventory(bom, posix.normalize(f.path), inv);
    } catch (err) {
      // Recorded and reported: the command exits 3 when the inventory is incomplete.
      const line = err instanceof ParseError && err.line !== undefined ? `:${err.line}` : '';
      failed.push({ path: `${f.path}${line}`, message: describeError(err).message });
    }
  }
  return { bom, files, warnings, failed };
}
