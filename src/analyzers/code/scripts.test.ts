import { describe, expect, it } from 'vitest';
import type { FileRef } from '../../core/analyzer.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';
import { languageOfFile, languageOfText } from './languages.js';

// A Debian package's /usr/bin entry can hold a whole REST API (ceph-iscsi's rbd-target-api is a Flask app):
// the scripts without an extension are analyzed as the language their #! line runs.
const FLASK = `#!/usr/bin/python3
import subprocess
from flask import Flask, request

app = Flask(__name__)

@app.route('/api/disk')
def disk():
    name = request.args.get('name')
    return subprocess.check_output('rbd info ' + name, shell=True)
`;

const EXPRESS = `#!/usr/bin/env -S node --enable-source-maps
const app = require('express')();
app.get('/u', async (req, res) => {
  const rows = await db.query('SELECT * FROM users WHERE name = ' + req.query.name);
  res.json(rows);
});
app.listen(3000);
`;

const ref = (path: string, shebang?: string): FileRef => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  return { path, name, ext, size: 100, ...(shebang !== undefined ? { shebang } : {}) };
};

describe('scripts without an extension', () => {
  it('are wanted by the #! line the walk read: Python and Node, not shells, Ruby or a file without one', () => {
    expect(codeAnalyzer.matches(ref('usr/bin/rbd-target-api', '#!/usr/bin/python3'))).toBe(true);
    expect(codeAnalyzer.matches(ref('bin/serve', '#!/usr/bin/env node'))).toBe(true);
    expect(codeAnalyzer.matches(ref('bin/www', '#!/usr/bin/env -S node --inspect'))).toBe(true);
    expect(codeAnalyzer.matches(ref('usr/bin/pip3.11', '#!/usr/bin/python3.11'))).toBe(true);
    expect(codeAnalyzer.matches(ref('bin/build', '#!/bin/sh'))).toBe(false);
    expect(codeAnalyzer.matches(ref('bin/tool', '#!/usr/bin/env ruby'))).toBe(false);
    expect(codeAnalyzer.matches(ref('LICENSE'))).toBe(false);
    // A file with an extension keeps the language of its extension: a shell script named .sh is no Python.
    expect(codeAnalyzer.matches(ref('run.sh', '#!/usr/bin/python3'))).toBe(false);
  });

  it('take the language of the #! line from the file ref or from the text', () => {
    expect(languageOfFile({ ext: '', shebang: '#!/usr/bin/env python3' })?.family).toBe('python');
    expect(languageOfFile({ ext: '', shebang: '#!/usr/bin/env deno run' })?.family).toBe('typescript');
    expect(languageOfFile({ ext: '' })).toBeUndefined();
    expect(languageOfText('', EXPRESS)?.family).toBe('javascript');
    expect(languageOfText('', '#!/bin/bash\nnode server.js\n')).toBeUndefined();
    expect(languageOfText('', 'import os\n')).toBeUndefined();
  });

  it('report what the same code reports in a .py or .js file', async () => {
    const ctx = makeMemoryContext();
    const ids = async (path: string, text: string): Promise<string[]> =>
      (await codeAnalyzer.analyze(makeSourceFile(path, text), ctx)).map((f) => f.ruleId).sort();
    const py = await ids('usr/bin/rbd-target-api', FLASK);
    expect(py).toContain('code/py-command-injection');
    expect(py).toEqual(await ids('usr/bin/rbd_target_api.py', FLASK));
    const js = await ids('bin/serve', EXPRESS);
    expect(js).toContain('code/js-sql-injection');
    expect(js).toEqual(await ids('bin/serve.js', EXPRESS));
  });

  it('find nothing in a shell script, nor in an entry that only loads the program', async () => {
    const ctx = makeMemoryContext();
    const shell = `#!/bin/sh\nexec python3 -c "import os; os.system('rbd info ' + '$1')"\n`;
    expect(await codeAnalyzer.analyze(makeSourceFile('bin/run', shell), ctx)).toEqual([]);
    const stub = `#!/usr/bin/env node\n'use strict';\nrequire('../lib/cli.js').main(process.argv.slice(2));\n`;
    expect(await codeAnalyzer.analyze(makeSourceFile('bin/tool', stub), ctx)).toEqual([]);
  });
});
