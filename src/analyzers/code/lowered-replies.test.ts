import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './engine.js';
import { rulesFor } from './index.js';
import { languageOf } from './languages.js';

const TESTS = join(import.meta.dirname, '../../../rules/code/tests');

function found(file: string, rule: string, profile: 'default' | 'audit') {
  const text = readFileSync(join(TESTS, file), 'utf8');
  const lines = text.split('\n');
  return analyzeText(text, languageOf('js')!, rulesFor([], profile), new Set([rule])).matches.map((m) => [
    lines[m.line - 1]!.trim(),
    m.confidence,
  ]);
}

describe("an audit rule's unlessFixed.lowers", () => {
  it('keeps a field of a reply at the rule’s confidence and lowers another whole reply', () => {
    expect(found('js-xss-edited-text/bad.js', 'code/js-xss-edited-text', 'default').slice(-2)).toEqual([
      ["$box.html(data.title.replace(/\\n/g, '<br>'));", 'medium'],
      // A fixed URL of another origin.
      ["$('#feed').html(html.replace(/\\n/g, '<br>'));", 'low'],
    ]);
    // js-xss-audit, in the audit profile since stop 54, reports every line at low confidence.
    expect(found('js-xss-audit/bad-request-reply.js', 'code/js-xss-audit', 'audit')).toEqual([
      // The URL read in place from the page's fragment: whoever writes the link picks the server.
      ["$('#main').html(html);", 'low'],
      ['$box.html(data.title);', 'low'],
      ["$box.html(html + $box.find('.footer').text());", 'low'],
      // A fixed URL of another origin, or one that starts with a value.
      ["$('#card').html(html);", 'low'],
      ["$('#preview').html(data);", 'low'],
    ]);
  });

  it('leaves a reply of a URL the code holds to the audit profile (onlyLowered)', () => {
    expect(found('js-xss-audit/good-request-reply.js', 'code/js-xss-audit', 'audit')).toEqual([]);
    expect(found('js-xss-audit/good-request-reply.js', 'code/js-audit-xss-reply', 'audit')).toEqual([
      ['$pane.html(res);', 'low'],
      ["if (title) $('#modal .modal-title').html(decodeURIComponent(title));", 'low'],
      ['$pane.html(request.responseText || request.statusText);', 'low'],
      ["$('#remote').html(html);", 'low'],
    ]);
    // What js-xss-audit reports is not the audit rule's too.
    expect(found('js-xss-audit/bad-request-reply.js', 'code/js-audit-xss-reply', 'audit')).toEqual([]);
  });
});
