import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

// CoffeeScript's output: a `var` given its module once, inside the file's wrapper.
const CLIENT = `(function() {
  var _, templates, store;
  _ = require('underscore');
  templates = require('./templates');
  store = require('./store');
  exports.row = _.template(templates.row);
  exports.panel = _.template(templates.panel);
  exports.saved = _.template(store.saved);
}).call(this);
`;

/** The code findings on lib/client.js beside `modules`, as `rule line`. */
async function findings(modules: Record<string, string>, client = CLIENT): Promise<string[]> {
  const files = { 'lib/client.js': client, ...modules };
  const found = await codeAnalyzer.analyze(makeSourceFile('lib/client.js', client), makeMemoryContext(files));
  return found.map((f) => `${f.ruleId} ${f.location.startLine}`);
}

describe("a field of a relatively required module is what that module's text gives it", () => {
  it('drops templates the module fixes: exports.name in its wrapper, a module.exports record', async () => {
    expect(
      await findings({
        'lib/templates.js':
          '(function() {\n  exports.row = "<li><%= item.name %></li>";\n  exports.panel = "<div>" + "<%- title %>" + "</div>";\n}).call(this);\n',
        'lib/store.js': "module.exports = { saved: '<p><%- note %></p>', other: 1 };\n",
      }),
    ).toEqual([]);
  });

  it('keeps it when the module computes, writes twice or in a function, or the file writes the field', async () => {
    expect(
      await findings({
        'lib/templates.js':
          'exports.row = "<li></li>";\nexports.row = process.env.ROW;\nfunction load(t) { exports.panel = t; }\nexports.load = load;\n',
        'lib/store.js': 'module.exports = { saved: readSettings().mail };\n',
      }),
    ).toEqual([
      'code/js-code-injection-audit 6',
      'code/js-code-injection-audit 7',
      'code/js-code-injection-audit 8',
    ]);
    const written = CLIENT.replace('exports.row =', 'templates.row = loadRow();\n  exports.row =');
    expect(
      await findings(
        {
          'lib/templates.js': 'exports.row = "<li></li>";\nexports.panel = "<div></div>";\n',
          'lib/store.js': "module.exports = { saved: '<p></p>' };\n",
        },
        written,
      ),
    ).toEqual(['code/js-code-injection-audit 7']);
  });

  it('keeps a module name the file gives another value, or one required from a package', async () => {
    const twice = CLIENT.replace("store = require('./store');", "store = require('./store');\n  store = {};");
    const pkg = CLIENT.replace("require('./templates')", "require('templates')");
    const modules = {
      'lib/templates.js': 'exports.row = "<li></li>";\nexports.panel = "<div></div>";\n',
      'lib/store.js': "module.exports = { saved: '<p></p>' };\n",
    };
    expect(await findings(modules, twice)).toEqual(['code/js-code-injection-audit 9']);
    expect(await findings(modules, pkg)).toEqual([
      'code/js-code-injection-audit 6',
      'code/js-code-injection-audit 7',
    ]);
  });
});
