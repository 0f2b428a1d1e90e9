import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

// A page script of an AMD (RequireJS) application: its helpers come from another module by id.
const PAGE = `define([
    'jquery',
    'base/js/utils',
    './local',
], function($, utils, local) {
    "use strict";
    var show = function (text, el) {
        el.append($('<pre/>').html(utils.fixConsole(text)));
    };
    var prompt = function (content, el) {
        el.append($('<pre/>').html(local.clean(content.prompt)));
    };
    return { show: show, prompt: prompt };
});
`;

const ESCAPING_UTILS = `define(['underscore'], function (_) {
    "use strict";
    function fixConsole(txt) {
        // The text is escaped before the colour spans are added.
        txt = _.escape(txt);
        txt = txt.replace(/\\x1b\\[(\\d+)m/g, '<span class="ansi-$1">');
        return txt;
    }
    var utils = { fixConsole: fixConsole };
    return utils;
});
`;

const ESCAPING_LOCAL = `define([], function () {
    return {
        clean: function (s) { return escapeHtml(s); },
    };
});
`;

/** The js-xss-built-element lines the code analyzer reports on app/js/page.js beside `modules`. */
async function findings(modules: Record<string, string>): Promise<number[]> {
  const files = { 'app/js/page.js': PAGE, ...modules };
  const found = await codeAnalyzer.analyze(makeSourceFile('app/js/page.js', PAGE), makeMemoryContext(files));
  return found.filter((f) => f.ruleId === 'code/js-xss-built-element').map((f) => f.location.startLine);
}

describe("a call of an AMD module's helper that escapes its argument first", () => {
  it('drops the write when the module id and the relative id name a helper that escapes first', async () => {
    expect(
      await findings({
        'static/base/js/utils.js': ESCAPING_UTILS,
        'app/js/local.js': ESCAPING_LOCAL,
      }),
    ).toEqual([]);
  });

  it('keeps it when the helper does not escape, or unescapes after, or takes a second value', async () => {
    expect(
      await findings({
        'static/base/js/utils.js': ESCAPING_UTILS.replace('_.escape(txt)', 'txt.trim()'),
        'app/js/local.js': ESCAPING_LOCAL.replace('escapeHtml(s)', "escapeHtml(s).replace(/&lt;/g, '<')"),
      }),
    ).toEqual([8, 11]);
    expect(
      await findings({
        'static/base/js/utils.js': ESCAPING_UTILS.replace('fixConsole(txt)', 'fixConsole(txt, prefix)'),
        'app/js/local.js': ESCAPING_LOCAL.replace(
          'return escapeHtml(s);',
          's = s.trim(); return escapeHtml(s);',
        ),
      }),
    ).toEqual([8, 11]);
  });

  it('keeps it when the module id names no file, or two, or the factory gives the name another value', async () => {
    expect(await findings({})).toEqual([8, 11]);
    expect(
      await findings({
        'static/base/js/utils.js': ESCAPING_UTILS,
        'vendor/base/js/utils.js': ESCAPING_UTILS.replace('_.escape(txt)', 'txt'),
      }),
    ).toEqual([8, 11]);
    const reassigned = PAGE.replace('"use strict";', '"use strict";\n    utils = window.helpers;');
    const found = await codeAnalyzer.analyze(
      makeSourceFile('app/js/page.js', reassigned),
      makeMemoryContext({
        'app/js/page.js': reassigned,
        'static/base/js/utils.js': ESCAPING_UTILS,
        'app/js/local.js': ESCAPING_LOCAL,
      }),
    );
    expect(
      found.filter((f) => f.ruleId === 'code/js-xss-built-element').map((f) => f.location.startLine),
    ).toEqual([9]);
  });
});
