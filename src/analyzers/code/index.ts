import type { Analyzer, AnalyzerContext, FileRef, ProjectContext, SourceFile } from '../../core/analyzer.js';
import { ConfigError } from '../../core/errors.js';
import { profileIncludes, profileOption } from '../../core/profile.js';
import type { Profile } from '../../core/profile.js';
import { oneStepLower } from '../../core/finding.js';
import { COOKIE_REPLY_NOTE } from './cookie-reply.js';
import type { FlowStep, RawFinding } from '../../core/finding.js';
import { handRunScriptsOf, opensListener } from '../../core/hand-run.js';
import { isTestUserPassword, isTranslationFile } from '../../core/file-role.js';
import { inTestAppLogin } from '../../core/seeded-login.js';
import { madeUpInTest } from '../../core/made-up-secret.js';
import { findingFrom } from '../../core/rule.js';
import type { RuleMeta } from '../../core/rule.js';
import { keepAppMatches } from './app-scope.js';
import {
  AUDIT_WHEN_CLIENT_KEY,
  publishedPasswordReason,
  siteClientReasons,
  siteSignatureReason,
} from './site-client-key.js';
import { spentTokenReason } from '../secrets/spent-token.js';
import { testCredentialForAudit, testCredentialShapes, toolConsoleWrite } from './audit-only.js';
import { dropCommandLineModules } from './cli-imports.js';
import { dedupeMatches } from './dedupe.js';
import { dropFixedImports } from './imported-fixed.js';
import { dropOwnFields } from './own-fields.js';
import { dropFixedByCallers } from './export-callers.js';
import { dropParsedFields } from './parsed-fields.js';
import { dropPatchedMerges } from './patched-merge.js';
import { dropQuerySanitized } from './query-sanitizer.js';
import { dropSelfCheckingHandlers } from './route-handlers.js';
import { keepUncheckedControllers } from './controller-policy.js';
import { belowShell, byDesignBehindShell, shellGivenTo, withinShell } from './shell-app.js';
import { analyzeText, crossFileCandidate, PreparedRules, requestDataPossible } from './engine.js';
import { isDeclarationFile, languageOf, languageOfFile, languageOfText } from './languages.js';
import type { FileLanguage } from './languages.js';
import { isToolPage, PAGE_EXTENSIONS, pageScriptText } from './page-scripts.js';
import { BUILTIN_RULES_DIR } from './load-rules.js';
import { loadRuleDirs } from './rule-folders.js';
import { isMinified, MAX_CODE_BYTES } from './minified.js';
import { CROSS_FILE, loadProject, singleModule } from './project.js';
import { FILE_STEPS } from './taint-budget.js';
import type { Trace } from './taint.js';
import { renderFindings, templateFileFindings } from './template-findings.js';
import { iniSettings, type IniKey } from './settings-ini.js';
import { withoutUnpassedOutputs } from './template-compiled.js';
import { withoutJsonInScriptResponses } from './template-js-response.js';
import { withoutEscapingMarkdown } from './template-markdown.js';
import { withoutEscapedProperties } from './template-escaped-props.js';
import { withoutViewEscapedItems } from './template-escaped-items.js';
import { withoutSettingsValues } from './template-settings-py.js';
import { withoutEscapingFilters } from './template-escaped-filter.js';
import { withoutLiteralMacroArgs } from './template-macro-args.js';
import { withoutSanitizingGlobalFilters } from './template-vue-filters.js';
import { withoutEscapingTagBlocks } from './template-autoescape-tags.js';
import { templateRules } from './template-rules.js';
import type { TemplateRule } from './template-rules.js';
import { SNIFFED_TEMPLATE_EXTENSIONS, templateEngineOf, templateEngineOfText } from './templates.js';
import type { CodeRule } from './rule-schema.js';

/** The catalogue entry of a YAML rule. */
export function ruleMetaOf(r: CodeRule): RuleMeta {
  const meta: RuleMeta = {
    id: r.id,
    analyzer: 'code',
    title: r.title,
    description: r.description,
    severity: r.severity,
    confidence: r.confidence,
    cwe: r.cwe,
    principles: r.principles,
    remediation: r.remediation,
    tags: [...r.languages, r.tier, r.class, ...(r.profile === 'audit' ? ['audit-profile'] : [])],
    tier: r.tier,
  };
  if (r.owasp) meta.owasp = r.owasp;
  if (r.profile !== 'default') meta.profile = r.profile;
  const shapes = testCredentialShapes(r.id);
  if (shapes.length > 0) meta.auditShapes = shapes;
  return meta;
}

/** The finding's flow: source, each step, and the sink, each with its file (the analyzed one by default). */
export function flowOf(t: Trace, file: string, sinkPath: string, sinkLine: number, sink: string): FlowStep[] {
  const at = (p: string | undefined): string => (p === undefined || p === '' ? file : p);
  return [
    { path: at(t.sourcePath), line: t.sourceLine, label: t.source, kind: 'source' },
    ...t.steps.map((s): FlowStep => ({ path: at(s.path), line: s.line, label: s.text, kind: 'step' })),
    {
      path: sinkPath,
      line: sinkLine,
      label: sink.length > 80 ? `${sink.slice(0, 79)}…` : sink,
      kind: 'sink',
    },
  ];
}

/** The catalogue entry of a template rule (without its matching kind and message). */
function templateMeta(r: TemplateRule): RuleMeta {
  const { kind: _kind, message: _message, ...meta } = r;
  return meta;
}

const prepared = new Map<string, PreparedRules>();
const loaded = new Map<string, ReturnType<typeof loadRuleDirs>>();

/** The built-in rules plus those in `dirs`, every profile's, read once per process (or worker). */
function ruleSetOf(dirs: readonly string[]): ReturnType<typeof loadRuleDirs> {
  const key = dirs.join('\0');
  let set = loaded.get(key);
  if (!set) {
    set = loadRuleDirs([BUILTIN_RULES_DIR, ...dirs]);
    loaded.set(key, set);
  }
  return set;
}

/**
 * The built-in rules plus those in `dirs` that run in a scan of `profile` (the `audit` profile adds its rules
 * to the default ones), loaded once per process (or worker) and kept.
 */
export function rulesFor(dirs: readonly string[] = [], profile: Profile = 'default'): PreparedRules {
  const key = `${profile}\0${dirs.join('\0')}`;
  let p = prepared.get(key);
  if (!p) {
    const set = ruleSetOf(dirs);
    p = new PreparedRules({ ...set, rules: set.rules.filter((r) => profileIncludes(profile, r.profile)) });
    prepared.set(key, p);
  }
  return p;
}

/** The code analyzer's `profile` option (from `--profile` or vanguard.yaml's `profile`). */
export function profileOf(options: Readonly<Record<string, unknown>>): Profile {
  return profileOption('code', options);
}

function rulesDirsOf(options: Readonly<Record<string, unknown>>): string[] {
  const v = options['rulesDirs'];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((d) => typeof d === 'string')) {
    throw new ConfigError('code: option "rulesDirs" must be a list of folder paths');
  }
  return v;
}

// Loaded on first use, so that a scan without code analysis (or a worker that never gets a
// source file) does not pay for parsing the rule files.
let catalogue: PreparedRules | undefined;

/** Static analysis of JavaScript, TypeScript and Python: structural rules and intra-file taint tracking. */
export const codeAnalyzer: Analyzer = {
  id: 'code',
  description:
    'SAST for JavaScript, TypeScript and Python: structural rules and taint tracking from sources to sinks',
  get rules(): readonly RuleMeta[] {
    // Every rule, those of the opt-in audit profile too (they say so in `profile`).
    catalogue ??= rulesFor([], 'audit');
    return [...catalogue.set.rules.map(ruleMetaOf), ...[...templateRules().values()].map(templateMeta)];
  },
  // A default scan marks the shapes of default rules it leaves to the audit profile (audit-only.ts) as held back.
  marksHeldBack: true,
  auditProfileRules(options) {
    // Read from the rule set the scan already loaded: no rule is prepared for this.
    const audit = ruleSetOf(rulesDirsOf(options)).rules.filter((r) => r.profile === 'audit');
    const templates = [...templateRules().values()].filter((r) => r.profile === 'audit');
    return [...audit, ...templates].map((r) => r.id);
  },
  matches(file: FileRef): boolean {
    // A translation catalogue's HTML (Node-RED's localised help pages) is text shown to people, rendered by
    // no template engine: `{{{payload}}}` there documents the syntax, it does not write anything.
    if (templateEngineOf(file.ext) !== undefined || SNIFFED_TEMPLATE_EXTENSIONS.has(file.ext))
      return !isTranslationFile(file.path);
    // A script without an extension goes by the `#!` line the walk read (a Python or Node program).
    return languageOfFile(file) !== undefined && !isDeclarationFile(file.name);
  },
  prepare(ctx: ProjectContext): Promise<void> {
    // Also checks the profile option: a misspelt one stops the scan before any file is read.
    catalogue = rulesFor(rulesDirsOf(ctx.options), profileOf(ctx.options));
    return Promise.resolve();
  },
  async analyze(file: SourceFile, ctx: AnalyzerContext): Promise<RawFinding[]> {
    const own = await analyzeFile(file, ctx);
    // An HTML page's inline scripts, as JavaScript at the page's lines (page-scripts.ts), beside its markup's
    // template findings. Too large a page was reported skipped above; a tool's page is the tool's output.
    const page =
      PAGE_EXTENSIONS.has(file.ext) && file.size <= MAX_CODE_BYTES ? pageScriptsOf(file) : undefined;
    return page ? [...own, ...(await analyzeFile(page, ctx, BROWSER_SCRIPT))] : own;
  },
};

// How a page's inline scripts are parsed.
const BROWSER_SCRIPT: FileLanguage = languageOf('js')!;

/** An HTML page as the file of its inline JavaScript (same path, lines and columns), or undefined. */
function pageScriptsOf(file: SourceFile): SourceFile | undefined {
  if (isToolPage(file.text)) return undefined;
  const text = pageScriptText(file.text);
  if (text === undefined) return undefined;
  let lines: string[] | undefined;
  return { ...file, text, bytes: Buffer.from(text), lines: () => (lines ??= text.split(/\r?\n/)) };
}

/** The findings of one file: a template's, or a program's in `lang` (by default the file's own language). */
async function analyzeFile(
  file: SourceFile,
  ctx: AnalyzerContext,
  forced?: FileLanguage,
): Promise<RawFinding[]> {
  const lang = forced ?? languageOfText(file.ext, file.text);
  const template = !lang && templateEngineOfText(file.ext, file.text) !== undefined;
  if (!lang && !template) return [];
  if (file.size > MAX_CODE_BYTES) {
    ctx.warn(`skipped: larger than ${MAX_CODE_BYTES} bytes`, {
      code: 'file-not-analyzed',
      path: file.path,
    });
    return [];
  }
  if (isMinified(file.name, file.text)) {
    // A page's markup was read above: only its inline scripts are left out.
    const what =
      forced === undefined ? 'skipped' : "inline <script> elements skipped (the page's markup is read)";
    ctx.warn(`${what}: minified or bundled code`, { code: 'file-not-analyzed', path: file.path });
    return [];
  }
  if (!lang) {
    const own = await withoutUnpassedOutputs(templateFileFindings(file, profileOf(ctx.options)), file, ctx);
    const scripts = await withoutJsonInScriptResponses(own, file, ctx);
    const props = await withoutEscapedProperties(scripts, file, ctx);
    const items = await withoutViewEscapedItems(props, file, ctx);
    const settings = await withoutSettingsValues(items, file, ctx);
    const filtered = await withoutEscapingFilters(settings, file, ctx);
    const macros = await withoutLiteralMacroArgs(filtered, file, ctx);
    const vue = await withoutSanitizingGlobalFilters(macros, file, ctx);
    const markdown = await withoutEscapingMarkdown(vue, file, ctx);
    return await withoutEscapingTagBlocks(markdown, file, ctx);
  }
  const rules = rulesFor(rulesDirsOf(ctx.options), profileOf(ctx.options));
  // A page's inline script imports nothing by path the scan can follow, and renders no server template.
  const page = forced !== undefined;
  const renders = !page && file.text.includes('render') && requestDataPossible(file.text, lang, rules);
  const view =
    !page && crossFileCandidate(file.text, lang, rules)
      ? await loadProject(ctx.root, file.path, file.text, lang, ctx.paths, (p) => ctx.readFile(p))
      : renders
        ? singleModule(file.path, file.text, lang)
        : undefined;
  const result = analyzeText(file.text, lang, rules, undefined, view);
  if (view?.truncated) {
    ctx.warn(
      `cross-file taint analysis stopped at its budget (${CROSS_FILE.modules} modules, ${CROSS_FILE.bytes / 1024 / 1024} MB of source or ${FILE_STEPS} evaluation steps); flows through further imports may be missing`,
      { code: 'cross-file-truncated', path: file.path },
    );
  }
  if (result.truncated) {
    ctx.warn('taint analysis stopped early (analysis budget spent); findings may be missing', {
      code: 'analysis-truncated',
      path: file.path,
    });
  }
  const rendered = renders && view ? await renderFindings(file, view, rules.family(lang.family), ctx) : [];
  // The secrets analyzer's rule for test users' chosen passwords holds for code rules that quote one.
  const deduped = await keepAppMatches(
    await keepUncheckedControllers(
      await dropSelfCheckingHandlers(
        await dropCommandLineModules(
          await dropPatchedMerges(
            await dropQuerySanitized(
              await dropParsedFields(
                await dropOwnFields(
                  await dropFixedByCallers(
                    await dropFixedImports(dedupeMatches(result.matches), file, lang, ctx),
                    file,
                    ctx,
                  ),
                  file,
                  ctx,
                ),
                file,
                ctx,
              ),
              file,
              lang,
              ctx,
            ),
            file,
            lang,
            ctx,
          ),
          file,
          ctx,
        ),
        file,
        lang,
        ctx,
      ),
      file,
      lang,
      ctx,
    ),
    file,
    ctx,
    (rule, path, text) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      const l = languageOfText(
        name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '',
        text,
      );
      if (!l) return false;
      // Another file's failure is that file's to report (when it is analysed), not this one's.
      try {
        return analyzeText(text, l, rules, new Set([rule.id])).matches.some((m) => m.path === undefined);
      } catch {
        return false;
      }
    },
  );
  // A test's made-up credential (core/made-up-secret.ts) too, as the secrets analyzer drops its own finding
  // there: otherwise this one, merged into that finding, would come back on its own.
  const unquote = (s: string) => s.replace(/^[rbu]*['"`]|['"`]$/gi, '');
  const kept = deduped.filter(
    (m) =>
      m.secret === undefined ||
      (!isTestUserPassword(unquote(m.secret), m.path ?? file.path) &&
        !(
          m.path === undefined &&
          (inTestAppLogin(file.lines(), m.line - 1, file.path) ||
            madeUpInTest(file.lines(), m.line - 1, file.path, unquote(m.secret)))
        )),
  );
  // A credential checked by a development server started by hand (core/hand-run.ts) is that throwaway
  // server's login: lowered like a development branch's finding, as the secrets analyzer lowers its own.
  const handRun = kept.some((m) => m.secret !== undefined && m.path === undefined)
    ? (await handRunScriptsOf(ctx)).get(file.path)
    : undefined;
  const devServer = handRun !== undefined && opensListener(file.text) ? handRun : undefined;
  // A web terminal's routes give its logged-in users at most what its shell gives them (shell-app.ts).
  const shell = await shellGivenTo(kept, file, ctx);
  const siteReason = siteClientReasons(file.text);
  const consoleOfTool = toolConsoleWrite(file, ctx.paths);
  const auditProfile = profileOf(ctx.options) === 'audit';
  const found = kept.flatMap((m) => {
    const path = m.path ?? file.path;
    const hand = devServer !== undefined && m.secret !== undefined && m.path === undefined;
    const lines =
      m.path === undefined ? file.lines() : (view?.modules.get(m.path)?.text.split(/\r?\n/) ?? []);
    // One reason lowers a finding, the first that holds: a branch only development or test mode takes (like a
    // test file's finding), a hand-started development server's login, a route behind a shell's login.
    const note =
      m.developmentOnly === true
        ? ' (in a branch that runs only in development or test mode)'
        : hand
          ? ` (the login of a development server started by hand: npm run ${devServer})`
          : undefined;
    // Behind the very login that opens the shell, the finding gives nothing the shell does not: not reported,
    // kept with its reason (suppression 'by-design'). Elsewhere it is only lowered, the route being unknown.
    // In a module that handles one website's links, a weak digest is that site's request signature.
    const byDesign =
      (note === undefined && shell ? byDesignBehindShell(m, file.path, shell) : undefined) ??
      (note === undefined && m.path === undefined ? siteSignatureReason(m.rule.id, file.text) : undefined) ??
      // Android's debug keystore password beside the keystore (core/device-login.ts): published, not a secret.
      (m.path === undefined
        ? publishedPasswordReason(
            m.rule.id,
            m.secret === undefined ? undefined : unquote(m.secret),
            file.text,
          )
        : undefined) ??
      // A token that expired more than a day ago (its exp claim) opens nothing (secrets/spent-token.ts).
      (m.secret !== undefined ? spentTokenReason(m.secret) : undefined);
    const belowLogin = note === undefined && byDesign === undefined && shell !== undefined && withinShell(m);
    // In a module that handles one website's links, a key-like credential is most likely that site's client
    // key, and a fast password hash its login page's (site-client-key.ts).
    const siteClient =
      note === undefined && !belowLogin && m.path === undefined
        ? siteReason(m.rule.id, lines[m.line - 1] ?? '', m.secret, m.line)
        : undefined;
    // A site's or a protocol's client key, a configuration default, a device's factory login and (since stop 55,
    // as the secrets analyzer's) a password among the defaults for a service on this machine are the audit
    // profile's.
    // Left out of a default scan, the finding is still made and marked held back (ScanResult.heldBack).
    const heldBack =
      !auditProfile &&
      ((siteClient !== undefined && AUDIT_WHEN_CLIENT_KEY.has(m.rule.id)) ||
        // A command-line tool's console output (its invoker's terminal, or the program that ran it), not a log.
        (m.path === undefined && consoleOfTool(m.rule.id, m.snippet)) ||
        // A credential found by its name alone in a test or fixture file (audit-only.ts), as the secrets analyzer's.
        (m.path === undefined &&
          testCredentialForAudit(m.rule.id, file.path, file.text, ctx.options, ctx.paths)));
    const lowered =
      belowLogin && shell
        ? belowShell(m.rule.severity, m.message, shell)
        : siteClient !== undefined
          ? { severity: oneStepLower(m.rule.severity), message: `${m.message} (${siteClient})` }
          : m.cookieOnly === true && note === undefined
            ? { severity: oneStepLower(m.rule.severity), message: `${m.message} (${COOKIE_REPLY_NOTE})` }
            : undefined;
    const f = findingFrom(ruleMetaOf(m.rule), {
      message: note !== undefined ? m.message + note : (lowered?.message ?? m.message),
      confidence: note !== undefined || siteClient !== undefined ? 'low' : m.confidence,
      ...(note !== undefined && m.rule.severity !== 'info' ? { severity: 'low' as const } : {}),
      ...(lowered ? { severity: lowered.severity } : {}),
      location: {
        path,
        startLine: m.line,
        startColumn: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        snippet: lines[m.line - 1]?.trim() ?? m.snippet,
      },
      fingerprintKey: m.fingerprintKey,
      ...(m.secret !== undefined ? { secret: m.secret } : {}),
    });
    if (m.trace) f.flow = flowOf(m.trace, file.path, path, m.line, m.snippet);
    if (byDesign !== undefined) f.suppression = { kind: 'by-design', reason: byDesign };
    if (heldBack) f.heldBack = true;
    return [f];
  });
  const ini = lang.family === 'python' ? await iniSettingFindings(file, ctx, rules) : [];
  return [...found, ...rendered, ...ini];
}

// The rule whose weakness each shipped setting is.
const iniRuleOf = (setting: IniKey): string =>
  setting === 'DEBUG' ? 'code/py-django-debug' : 'code/py-hardcoded-secret-key';

/** A Django settings module's DEBUG and SECRET_KEY as the cfg file it reads them from ships them (settings-ini.ts). */
async function iniSettingFindings(
  file: SourceFile,
  ctx: AnalyzerContext,
  rules: PreparedRules,
): Promise<RawFinding[]> {
  const settings = await iniSettings(
    file.text,
    file.path,
    (p) => ctx.paths.has(p),
    (p) => ctx.readFile(p),
  );
  const out: RawFinding[] = [];
  for (const s of settings) {
    const rule = rules.set.rules.find((r) => r.id === iniRuleOf(s.key));
    if (!rule) continue;
    const what = s.key === 'DEBUG' ? `DEBUG = ${s.value}` : 'SECRET_KEY is a fixed value';
    out.push(
      findingFrom(ruleMetaOf(rule), {
        message: `${what} in ${s.path}, the file the Django settings module ${file.path} reads ${s.key} from (line ${s.readAt})`,
        location: {
          path: s.path,
          startLine: s.line,
          snippet: s.key === 'DEBUG' ? `DEBUG = ${s.value}` : 'SECRET_KEY = …',
        },
        fingerprintKey: `${s.path}|${s.key}`,
        ...(s.key === 'SECRET_KEY' ? { secret: s.value } : {}),
      }),
    );
  }
  return out;
}
