/**
 * The project-wide reading behind the template stages that look past the template itself
 * (template-compiled.ts, template-escaped-props.ts, template-escaped-items.ts): each builds, once per scan
 * (its path set) and process, an index of which files name what, from the texts of the project's code and
 * templates. The reading is bounded as application-wide rules are (app-scope.ts): past the bounds no index is
 * built, and the stage drops nothing, saying so in a warning on the template it could not review.
 */
import type { AnalyzerContext } from '../../core/analyzer.js';
import { scriptLanguageOf } from './languages.js';
import { readOrWarn } from './templates.js';

/** A JavaScript or TypeScript file the template stages parse (a view that renders or fills templates). */
export const isScript = (p: string): boolean => scriptLanguageOf(p) !== undefined;

/** Bounds of the files one template stage reads for its index (files selected, characters read). */
export const TEMPLATE_INDEX_FILES = { files: 4000, bytes: 64 * 1024 * 1024 };

/** Why an index was not built: a file could not be read (warned already), or the project is past the bounds. */
type Missing = 'unreadable' | 'too-large';

class IndexIncomplete extends Error {
  readonly code = 'TEMPLATE_INDEX_INCOMPLETE';
  constructor(readonly reason: Missing) {
    super(`template index not built: ${reason}`);
  }
}

/** Reads the project's files for one index, within the bounds, counted over every call. */
export class ProjectTexts {
  private files = 0;
  private bytes = 0;
  /** Every path of the scan (naming them costs no reading). */
  readonly paths: ReadonlySet<string>;
  constructor(private readonly ctx: AnalyzerContext) {
    this.paths = ctx.paths;
  }

  /**
   * The paths of the scan that `wanted` selects, each with its text (a file the core does not give is
   * skipped). Stops the index (the builder's promise rejects, caught by TemplateIndex) when a file cannot be
   * read or the bounds are passed; the count of files is checked before any is read.
   */
  async *texts(wanted: (path: string) => boolean): AsyncGenerator<[string, string]> {
    const paths = [...this.ctx.paths].filter(wanted);
    this.files += paths.length;
    if (this.files > TEMPLATE_INDEX_FILES.files) throw new IndexIncomplete('too-large');
    for (const p of paths) {
      const text = await readOrWarn(this.ctx, p);
      if (text === null) throw new IndexIncomplete('unreadable');
      if (text === undefined) continue;
      this.bytes += text.length;
      if (this.bytes > TEMPLATE_INDEX_FILES.bytes) throw new IndexIncomplete('too-large');
      yield [p, text];
    }
  }
}

/** One stage's index of the project, built on first use per scan and shared by the templates it reviews. */
export class TemplateIndex<T> {
  private readonly built = new WeakMap<ReadonlySet<string>, Promise<T | Missing>>();

  constructor(
    /** What the stage does, for the warning: "compiled templates' calls", … */
    private readonly stage: string,
    private readonly build: (texts: ProjectTexts) => Promise<T>,
  ) {}

  /**
   * The index of the scan `ctx` belongs to, or undefined when it could not be built; past the bounds the
   * template `path` (whose findings the stage then keeps) gets a warning.
   */
  async of(ctx: AnalyzerContext, path: string): Promise<T | undefined> {
    let index = this.built.get(ctx.paths);
    if (!index) {
      index = this.build(new ProjectTexts(ctx)).catch((err: unknown) => {
        if (err instanceof IndexIncomplete) return err.reason;
        throw err;
      });
      this.built.set(ctx.paths, index);
    }
    const r = await index;
    if (r === 'too-large')
      ctx.warn(
        `template review incomplete: ${this.stage} not read, the project holds more than ${TEMPLATE_INDEX_FILES.files} files or ${TEMPLATE_INDEX_FILES.bytes / 1024 / 1024} MB of code and templates; unescaped outputs kept`,
        { code: 'analysis-truncated', path },
      );
    return r === 'too-large' || r === 'unreadable' ? undefined : r;
  }
}
