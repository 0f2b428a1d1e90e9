import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

/** Analyzes one file of an in-memory project the way a scan does (the other files are readable). */
async function scan(files: Record<string, string>, entry: string): Promise<RawFinding[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-rejections-${Object.keys(files).join('-')}`);
  return codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
}

const route = (handler: string): string => `const express = require('express');
const fonts = require('./lib/fonts');
const app = express();

app.get('/fonts/:stack', (req, res) => {
  fonts.loadAll(decodeURI(req.params.stack)).then(
    (data) => res.send(data),
    ${handler},
  );
});
`;

const lib = (rejected: string): string => `const fs = require('fs');

const loadOne = (name) =>
  new Promise((resolve, reject) => {
    fs.readFile('/srv/fonts/' + name.replace(/[^\\w -]/g, '') + '.pbf', (err, data) => {
      if (err) reject(${rejected});
      else resolve(data);
    });
  });

module.exports.loadAll = (names) => {
  const queue = [];
  for (const name of names.split(',')) queue.push(loadOne(name));
  return Promise.all(queue).then((parts) => Buffer.concat(parts));
};
`;

const xss = (found: RawFinding[]): RawFinding[] => found.filter((f) => f.ruleId === 'code/js-xss-response');

describe('promise rejections (JavaScript)', () => {
  it('follows a rejection through an imported function, Promise.all and a pushed array to the handler that sends it', async () => {
    const files = {
      'server.js': route('(err) => res.status(400).send(err)'),
      'lib/fonts.js': lib('`Font load error: ${name}`'),
    };
    const found = xss(await scan(files, 'server.js'));
    expect(found.map((f) => `${f.location.path}:${f.location.startLine}`)).toEqual(['server.js:8']);
    expect(found[0]!.message).toContain('req.params.stack');
  });

  it('reports nothing when the rejection holds fixed text or the handler ignores it', async () => {
    const fixed = {
      'server.js': route('(err) => res.status(400).send(err)'),
      'lib/fonts.js': lib("'Font load error'"),
    };
    expect(xss(await scan(fixed, 'server.js'))).toEqual([]);
    const ignored = {
      'server.js': route("() => res.status(400).send('no such font')"),
      'lib/fonts.js': lib('`Font load error: ${name}`'),
    };
    expect(xss(await scan(ignored, 'server.js'))).toEqual([]);
  });

  it('does not give the value a promise resolves with to its rejection handler', async () => {
    const files = {
      'server.js': `const express = require('express');
const app = express();
const later = (v) => new Promise((resolve) => setTimeout(() => resolve(v), 10));

app.get('/x', (req, res) => {
  later(req.query.x).then(
    (v) => res.json({ v }),
    (err) => res.status(500).send(err),
  );
});
`,
    };
    expect(xss(await scan(files, 'server.js'))).toEqual([]);
  });
});
