import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

/** Analyzes one file of an in-memory project the way a scan does (the other files are readable). */
async function scan(files: Record<string, string>, entry: string): Promise<RawFinding[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-needs-${Object.keys(files).join('-')}`);
  return codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
}

// A help module: the raw path is read only when the caller says it is a full path; otherwise the topic is
// reduced to a file name under the module's own folder. The flag is handed on through a second function.
const HELP = `const fs = require('fs');
const path = require('path');

const readTopic = async (topic, isFullPath) => {
  if (isFullPath) {
    return fs.promises.readFile(topic, 'utf8');
  }
  return fs.promises.readFile(path.join(__dirname, path.basename(topic) + '.md'), 'utf8');
};

const helpMarkup = async (topic, query, isFullPath) => {
  const text = await readTopic(topic, isFullPath);
  return text + query;
};

function openLog(name, raw) {
  if (!raw) return fs.createReadStream(path.join('/var/log', path.basename(name)));
  else return fs.createReadStream(name);
}

function readBoth(name, a, b) {
  return a && b ? fs.readFileSync(name) : '';
}

module.exports = { readTopic, helpMarkup, openLog, readBoth };
`;

const route = (
  call: string,
): string => `const { readTopic, helpMarkup, openLog, readBoth } = require('./help');
const router = require('express').Router();
router.get('/help/:topic', async (req, res) => {
  res.send(await ${call});
});
`;

async function lines(call: string): Promise<string[]> {
  const found = await scan({ 'routes.js': route(call), 'help.js': HELP }, 'routes.js');
  return found
    .filter((f) => f.ruleId === 'code/js-path-traversal')
    .map((f) => `${f.location.path}:${f.location.startLine}`);
}

describe('a sink under a branch on a parameter (param-needs.ts)', () => {
  it.each([
    ['the flag left out', 'readTopic(req.params.topic)'],
    ['the flag false', 'readTopic(req.params.topic, false)'],
    ['the flag handed on, left out by the route', 'helpMarkup(req.params.topic, req.query)'],
    ['the flag handed on as undefined', 'helpMarkup(req.params.topic, req.query, undefined)'],
    ["the else of '!raw', raw left out", 'openLog(req.params.topic)'],
    ['one of two flags left out', 'readBoth(req.params.topic, true)'],
  ])('is not reported when the call cannot take the branch: %s', async (_name, call) => {
    expect(await lines(call)).toEqual([]);
  });

  it.each([
    ['the flag true', 'readTopic(req.params.topic, true)', 'help.js:6'],
    ['the flag from the request', 'readTopic(req.params.topic, req.query.full)', 'help.js:6'],
    ['the flag handed on, given by the route', 'helpMarkup(req.params.topic, req.query, 1)', 'help.js:6'],
    ['the flag an expression', 'readTopic(req.params.topic, req.app.locals.full)', 'help.js:6'],
    ["the else of '!raw', raw given", "openLog(req.params.topic, 'yes')", 'help.js:18'],
    ['both flags given', 'readBoth(req.params.topic, true, {})', 'help.js:22'],
  ])('is reported when the call may take the branch: %s', async (_name, call, at) => {
    expect(await lines(call)).toEqual([at]);
  });

  // review35: the flag bound again where the test no longer reads the parameter the call left out.
  it.each([
    ['a destructuring write', "[topic, full] = topic.split('!'); if (full) return fs.readFileSync(topic);"],
    [
      'an object destructuring write',
      "if (typeof topic === 'object') ({ topic, full } = topic); if (full) return fs.readFileSync(topic);",
    ],
    ["a loop's own name", 'for (const full of [1]) { if (full) return fs.readFileSync(topic); }'],
    [
      "a catch clause's own name",
      'try { JSON.parse(topic); } catch (full) { if (full) return fs.readFileSync(topic); }',
    ],
    [
      '`arguments` written',
      'if (arguments.length < 2) arguments[1] = true; if (full) return fs.readFileSync(topic);',
    ],
  ])('is reported when the parameter is bound again: %s', async (_name, body) => {
    const help = `const fs = require('fs');\nfunction readTopic(topic, full) { ${body} }\nmodule.exports = { readTopic };\n`;
    const routes = route('readTopic(req.params.topic)').replace(
      'const { readTopic, helpMarkup, openLog, readBoth }',
      'const { readTopic }',
    );
    const found = await scan({ 'routes.js': routes, 'help.js': help }, 'routes.js');
    expect(found.filter((f) => f.ruleId === 'code/js-path-traversal').map((f) => f.location.path)).toEqual([
      'help.js',
    ]);
  });
});
