/**
 * A Django or Jinja block that turns escaping off only around tags of the project that write escaped or
 * sanitized markup: `{% autoescape off %}{% markdown_value list.info %}{% endautoescape %}` where the project's
 * Python defines `markdown_value` only as a function whose every return is escaped or sanitized markup
 * (`return readme_renderer.markdown.render(value)`, `bleach.clean(…)`, `format_html(…)`; the list is
 * template-escaped-py.ts's). Escaping off is what lets such a tag's markup through (Django escapes a
 * `simple_tag`'s result in an escaping context), and the markup is the sanitizer's. Every other tag in the
 * block (`{% include %}`, a tag the project does not define that way, a name also assigned or passed as a
 * keyword) and every `{{ … }}` that is not fixed text keeps the block reported. What it gives up: a tag
 * registered under another name than its function's (`register.simple_tag(name="md")`).
 */
import type { AnalyzerContext, SourceFile } from '../../core/analyzer.js';
import type { RawFinding } from '../../core/finding.js';
import { PYTHON, pythonOnlyEscaped } from './template-escaped-py.js';
import { projectCorpus } from './template-escaped-items.js';
import type { Corpus } from './template-escaped-items.js';
import { autoescapeOffBlocks, templateEngineOfText, writesOnlyFixedText } from './templates.js';

const OFF_RULE = 'template-autoescape-off';
// A tag as the body holds it: its name and the rest up to `%}`.
const TAG = /\{%-?\s*([A-Za-z_]\w*)\b[^%]*?-?%\}/g;
const NAME = /^[A-Za-z_]\w*$/;
// Tags of the template languages themselves: they write nothing of their own, or what they write is not a
// project function's (`include`, `block`), so they are never "the project's escaping tag".
const BUILTIN =
  /^(?:if|elif|else|endif|for|empty|endfor|with|endwith|block|endblock|include|extends|load|set|macro|call|filter|trans|blocktrans|translate|blocktranslate|url|static|csrf_token|now|cycle|firstof|spaceless|verbatim|autoescape|endautoescape)$/;

// Per scan's corpus: whether each tag name is a function of the project writing only escaped markup.
const decided = new WeakMap<Corpus, Map<string, boolean>>();

/** Whether the project's Python defines `name` only as functions whose every return is escaped markup. */
function escapingTag(c: Corpus, name: string): boolean {
  let known = decided.get(c);
  if (!known) decided.set(c, (known = new Map<string, boolean>()));
  const seen = known.get(name);
  if (seen !== undefined) return seen;
  const writes = { n: 0 };
  let ok = !BUILTIN.test(name) && NAME.test(name);
  if (ok)
    for (const [path, text] of c.python) {
      if (!PYTHON.test(path) || !text.includes(name)) continue;
      if (!pythonOnlyEscaped(text, name, writes)) {
        ok = false;
        break;
      }
    }
  ok = ok && writes.n > 0;
  known.set(name, ok);
  return ok;
}

/**
 * `findings` of a Jinja or Django template without the `autoescape off` blocks that hold only fixed text and
 * tags of the project that write escaped markup (see the module comment).
 */
export async function withoutEscapingTagBlocks(
  findings: RawFinding[],
  file: SourceFile,
  ctx: AnalyzerContext,
): Promise<RawFinding[]> {
  if (!findings.some((f) => f.ruleId.endsWith(OFF_RULE))) return findings;
  const engine = templateEngineOfText(file.ext, file.text);
  if (engine !== 'jinja' && engine !== 'html') return findings;
  const blocks = autoescapeOffBlocks(file.text, engine).filter((b) => b.body.includes('{%'));
  if (blocks.length === 0 || ![...ctx.paths].some((p) => PYTHON.test(p))) return findings;
  const corpus = await projectCorpus(ctx, file.path);
  if (!corpus) return findings;
  const cleared = new Set<string>();
  for (const b of blocks) {
    const tags = [...b.body.matchAll(TAG)];
    if (!tags.every((t) => escapingTag(corpus, t[1] ?? ''))) continue;
    if (writesOnlyFixedText(b.body.replace(TAG, ''))) cleared.add(`${b.line}:${b.column}`);
  }
  return findings.filter(
    (f) => !f.ruleId.endsWith(OFF_RULE) || !cleared.has(`${f.location.startLine}:${f.location.startColumn}`),
  );
}
