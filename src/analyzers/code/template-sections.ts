/**
 * The Handlebars and Mustache blocks around a place in a template (`{{#each items}}…{{/each}}`, `{{#people}}…
 * {{/people}}`, `{{#if x}}…{{else}}…{{/if}}`), for the stages that read a template's variables against the data
 * its callers pass. Inside a block that changes the context (`each`, `with`, a Mustache section, any other block
 * helper) a name is a property of the block's item, not of the data: `{{{this.html}}}` under `{{#each items}}`
 * writes `items[i].html`. The main part of `each`, `with` and `if` renders only when the block's argument has a
 * value, so it never renders when no caller passes that name.
 */

/** One block around a place: its helper (`each`, `if`, a section's own name, `^` for an inverted section). */
export interface Section {
  helper: string;
  /** The block's argument when it is one name of the data (`items`, `this.items`), undefined otherwise. */
  arg: string | undefined;
  /** Whether the place is in the block's `{{else}}` part or in an inverted section (`{{^x}}`). */
  inverse: boolean;
}

// Comments, triple-stash outputs (skipped), and block tags: `{{#each items}}`, `{{^x}}`, `{{else}}`, `{{/each}}`.
const TAG =
  /\{\{~?!--[\s\S]*?--~?\}\}|\{\{~?![\s\S]*?\}\}|\{\{\{[\s\S]*?\}\}\}|\{\{~?\s*([#^/]|else\b)\s*([^}]*?)\s*~?\}\}/g;
const NAME = /^(?:this\.)?([A-Za-z_$][\w$]*)$/;
// Blocks that keep the context: their body's names are the data's.
const SAME_CONTEXT = new Set(['if', 'unless', '^']);

/**
 * The blocks around `offset` in a Handlebars or Mustache text, outermost first; undefined when the blocks do
 * not nest as their tags say (a stray `{{/x}}`), so that nothing is read from them.
 */
export function sectionsAround(text: string, offset: number): Section[] | undefined {
  // `close` is what the block's closing tag names: the helper (`{{/each}}`) or the section (`{{/items}}`).
  const stack: (Section & { close: string })[] = [];
  for (const m of text.matchAll(TAG)) {
    if ((m.index ?? 0) >= offset) break;
    const kind = m[1];
    if (kind === undefined) continue;
    const body = (m[2] ?? '').trim();
    if (kind === '#') {
      const [helper = '', first = ''] = body.split(/\s+/);
      // `{{#each items}}`: the argument; `{{#items}}` (a Mustache section): the section's own name.
      const argText = /^[A-Za-z_$][\w$]*$/.test(helper) && first !== '' ? first : helper;
      stack.push({ helper, arg: NAME.exec(argText)?.[1], inverse: false, close: helper });
    } else if (kind === '^' && body !== '') {
      stack.push({ helper: '^', arg: NAME.exec(body)?.[1], inverse: true, close: body });
    } else if (kind === 'else' || kind === '^') {
      const top = stack[stack.length - 1];
      if (!top) return undefined;
      top.inverse = true;
    } else {
      const top = stack.pop();
      if (!top || top.close !== body) return undefined;
    }
  }
  return stack.map(({ helper, arg, inverse }) => ({ helper, arg, inverse }));
}

/** Whether a block reads its body's names from its item rather than from the data around it. */
export const changesContext = (s: Section): boolean => !SAME_CONTEXT.has(s.helper);

/** Whether a block's main part renders only when its argument has a value (`each`, `with`, `if`). */
export const needsArgument = (s: Section): boolean =>
  !s.inverse && s.arg !== undefined && (s.helper === 'each' || s.helper === 'with' || s.helper === 'if');
