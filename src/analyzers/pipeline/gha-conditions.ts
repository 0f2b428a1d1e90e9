import { contextRefs, expressionsIn } from './expressions.js';
import type { Wf } from './gha-scope.js';
import { GHA_BOT_CONDITION, GHA_UNSOUND_CONDITION } from './rules-gha.js';
import type { YEntry } from './yaml.js';

const BOT_COMPARE =
  /\bgithub\s{0,2}\.\s{0,2}(?:actor|triggering_actor)\s{0,4}==\s{0,4}'[^']{0,100}\[bot\]'|'[^']{0,100}\[bot\]'\s{0,4}==\s{0,4}github\s{0,2}\.\s{0,2}(?:actor|triggering_actor)\b|\b(?:contains|startsWith|endsWith)\s{0,2}\(\s{0,2}github\.(?:actor|triggering_actor)\s{0,2},\s{0,2}'[^']{0,100}(?:\[bot\]|bot)'/i;
// `github.actor_id == 49699333` (a bot's user id) is the same check by number.
const ACTOR_ID_COMPARE =
  /\bgithub\s{0,2}\.\s{0,2}(?:actor_id|triggering_actor_id)\s{0,4}==\s{0,4}'?\d{1,12}'?|'?\d{1,12}'?\s{0,4}==\s{0,4}github\s{0,2}\.\s{0,2}(?:actor_id|triggering_actor_id)\b/i;
const CONTAINS_LITERAL = /\bcontains\s{0,2}\(\s{0,2}'([^']{0,300})'\s{0,2},\s{0,2}([^)]{1,200})\)/gi;

/** Checks an `if:` of a job or step: spoofable bot checks and conditions that are always true. */
export function checkCondition(wf: Wf, e: YEntry | undefined, where: string): void {
  if (!e || e.value.kind !== 'scalar' || typeof e.value.value !== 'string') return;
  const raw = e.value.value;
  const rep = wf.rep;
  const line = e.value.line || e.keyLine;
  // Index syntax (`github['actor']`) reads the same context.
  const dotted = raw.replace(/\bgithub\s{0,2}\[\s{0,2}'(\w{1,40})'\s{0,2}\]/gi, 'github.$1');
  const bot = BOT_COMPARE.exec(dotted) ?? ACTOR_ID_COMPARE.exec(dotted);
  if (bot && (wf.publicTrigger !== undefined || wf.triggers.size === 0))
    rep.add(
      GHA_BOT_CONDITION,
      rep.find(line, e.value.endLine, 'github'),
      `${where} trusts \`${bot[0].replace(/\s+/g, ' ')}\`, which an attacker can satisfy by making the bot act on their pull request.`,
      `bot:${where}`,
    );
  const exprs = expressionsIn(raw);
  if (exprs.length > 0) {
    const outside = raw.replace(/\$\{\{[\s\S]{0,2000}?\}\}/g, '');
    // Any text around the expression, even a space (`"${{ false }} "`), makes the value a non-empty string.
    if (outside.length > 0) {
      rep.add(
        GHA_UNSOUND_CONDITION,
        rep.key(e.keyLine, 'if'),
        `${where} has \`if:\` with text outside its \`\${{ }}\` (${JSON.stringify(outside.slice(0, 40))}): the result is a non-empty string, so the condition is always true.`,
        `always:${where}`,
      );
    }
  }
  CONTAINS_LITERAL.lastIndex = 0;
  for (let m = CONTAINS_LITERAL.exec(raw); m; m = CONTAINS_LITERAL.exec(raw)) {
    if (contextRefs(m[2]!).length === 0) continue;
    rep.add(
      GHA_UNSOUND_CONDITION,
      rep.find(line, e.value.endLine, 'contains'),
      `${where} tests \`${m[0].replace(/\s+/g, ' ')}\`: a substring test on the string '${m[1]}', which parts of it (and other values) also pass.`,
      `contains:${where}:${m[1]}`,
    );
  }
}
