import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';

const EXAMPLE = join(import.meta.dirname, '../../../rules/code/tests/js-xss-audit/bad-request-reply.js');

describe("an audit rule's unlessFixed.lowers", () => {
  it('reports the whole reply of a request to an unfixed URL at low confidence, a field of it at the rule’s', () => {
    const text = readFileSync(EXAMPLE, 'utf8');
    const lines = text.split('\n');
    const found = analyzeText(
      text,
      languageOf('js')!,
      rulesFor(),
      new Set(['code/js-xss-audit']),
    ).matches.map((m) => [lines[m.line - 1]!.trim(), m.confidence]);
    expect(found).toEqual([
      ['$pane.html(res);', 'low'],
      ["if (title) $('#modal .modal-title').html(decodeURIComponent(title));", 'low'],
      ['$pane.html(request.responseText || request.statusText);', 'low'],
      // The URL read in place from the page's fragment: whoever writes the link picks the server.
      ["$('#main').html(html);", 'medium'],
      ['$box.html(data.html);', 'medium'],
      ["$box.html(html + $box.attr('data-footer'));", 'medium'],
    ]);
  });
});
