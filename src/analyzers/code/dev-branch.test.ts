import { describe, expect, it } from 'vitest';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

/** Findings of the code analyzer on `body` wrapped in an Express app, as `rule severity confidence`. */
async function findings(body: string): Promise<string[]> {
  const text = `const fs = require('fs');\nconst app = require('express')();\nconst config = require('./config');\n${body}\n`;
  const found = await codeAnalyzer.analyze(makeSourceFile('source/api.js', text), makeMemoryContext());
  return found.map((f) => `${f.ruleId} ${f.severity} ${f.confidence}`);
}

const WRITE = `app.post('/testing/createfile', (req, res) => {
    fs.writeFile(req.body.file, 'x', () => res.end());
  });`;

describe('branches that run only in development or test mode', () => {
  it.each([
    `if (config.dev) {\n  ${WRITE}\n}`,
    `if (process.env.NODE_ENV === 'test') {\n  ${WRITE}\n}`,
    `if ('development' == app.get('env')) {\n  ${WRITE}\n}`,
    `if (config.isDev && config.enableTestRoutes) {\n  ${WRITE}\n}`,
  ])('lowers a finding inside %s', async (code) => {
    expect(await findings(code)).toEqual(['code/js-path-traversal low low']);
  });

  it.each([
    // Production, the other branch, a debug switch, and a condition that merely mentions dev.
    `if (!config.dev) {\n  ${WRITE}\n}`,
    `if (config.dev) {\n  app.use(require('morgan')('dev'));\n} else {\n  ${WRITE}\n}`,
    `if (config.debug) {\n  ${WRITE}\n}`,
    `if (process.env.NODE_ENV !== 'development') {\n  ${WRITE}\n}`,
    `if (config.dev || config.production) {\n  ${WRITE}\n}`,
    WRITE,
  ])('keeps a finding at its severity in %s', async (code) => {
    expect(await findings(code)).toEqual(['code/js-path-traversal high high']);
  });

  it('looks no farther up than hand-written code nests (each parent lookup costs the depth)', async () => {
    const nested = (levels: number): string =>
      `if (config.dev) {\n${'(function () {\n'.repeat(levels)}${WRITE}\n${'})();\n'.repeat(levels)}}`;
    expect(await findings(nested(3))).toEqual(['code/js-path-traversal low low']);
    expect(await findings(nested(100))).toEqual(['code/js-path-traversal high high']);
  });

  /** The signing-key findings on a Django settings module, as `rule severity confidence`. */
  async function settings(text: string): Promise<string[]> {
    const found = await codeAnalyzer.analyze(makeSourceFile('site/settings.py', text), makeMemoryContext());
    return found
      .filter((f) => f.ruleId.includes('secret-key'))
      .map((f) => `${f.ruleId} ${f.severity} ${f.confidence}`);
  }
  const KEY = `SECRET_KEY = 'q8#v!n2x-k4p(z7m@w9r%t1y^u6e&i3o'`;

  it.each([
    `import os\nDEBUG = os.environ.get('DEBUG') == '1'\nif DEBUG:\n    ${KEY}\nelse:\n    SECRET_KEY = os.environ['SECRET_KEY']`,
    `if config.testing:\n    ${KEY}`,
  ])("lowers a Python finding in Django's development mode: %s", async (code) => {
    expect(await settings(code)).toEqual(['code/py-hardcoded-secret-key low low']);
  });

  it.each([
    // The production branch, a negated switch, a lower-case debug flag, the key outside the branch.
    `import os\nDEBUG = False\nif DEBUG:\n    pass\nelse:\n    ${KEY}`,
    `if not DEBUG:\n    ${KEY}`,
    `if debug:\n    ${KEY}`,
    `if DEBUG:\n    ALLOWED_HOSTS = ['*']\n${KEY}`,
    // Settings that ship in debug mode: the branch is what runs unless the deployer changes them.
    `DEBUG = True\nif DEBUG:\n    ${KEY}\nelse:\n    SECRET_KEY = os.environ['SECRET_KEY']`,
    // A true default (the environment unset runs in debug mode), and another module's settings.DEBUG, whose
    // settings this file cannot see (startproject writes `DEBUG = True`).
    `import os\nDEBUG = os.environ.get('DEBUG', 'True') == 'True'\nif DEBUG:\n    ${KEY}`,
    `import environ\nenv = environ.Env()\nDEBUG: bool = env.bool('DEBUG', default=True)\nif DEBUG:\n    ${KEY}`,
    `from django.conf import settings\nif settings.DEBUG:\n    ${KEY}`,
    `from config import DEBUG\nif DEBUG:\n    ${KEY}`,
  ])('keeps a Python finding at its severity in %s', async (code) => {
    expect(await settings(code)).toEqual(['code/py-hardcoded-secret-key high high']);
  });
});
