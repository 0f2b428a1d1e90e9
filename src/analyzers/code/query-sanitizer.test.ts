import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../core/finding.js';
import { makeMemoryContext, makeSourceFile } from '../../core/source-file.js';
import { codeAnalyzer } from './index.js';

/** Analyzes one file of an in-memory project the way a scan does (the other files are readable). */
async function scan(files: Record<string, string>, entry: string): Promise<RawFinding[]> {
  const ctx = makeMemoryContext(files, {}, `/virtual-query-${Object.keys(files).join('-')}-${entry.length}`);
  return codeAnalyzer.analyze(makeSourceFile(entry, files[entry]!), ctx);
}

// The middleware as tsc emits it (Flowise's utils/XSS.js): every query value, or each item of a list, through
// sanitize-html.
const COMPILED = `"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.sanitizeMiddleware = void 0;
const sanitize_html_1 = __importDefault(require("sanitize-html"));
function sanitizeMiddleware(req, res, next) {
    for (let p in req.query) {
        if (Array.isArray(req.query[p])) {
            const sanitizedQ = [];
            for (const q of req.query[p]) {
                sanitizedQ.push((0, sanitize_html_1.default)(q));
            }
            req.query[p] = sanitizedQ;
        }
        else {
            req.query[p] = (0, sanitize_html_1.default)(req.query[p]);
        }
    }
    next();
}
exports.sanitizeMiddleware = sanitizeMiddleware;
`;

const PLAIN = (loop: string): string => `const sanitizeHtml = require('sanitize-html');
function clean(req, res, next) {
  ${loop}
  next();
}
module.exports = { clean };
`;

const SERVER = (setup: string, route: string): string => `const express = require('express');
const xss = require('./xss');
const fs = require('fs');
const app = express();
${setup}
${route}
app.listen(3000);
`;

const REPLY =
  "app.get('/c', (req, res) => res.status(404).send(`Credential ${req.query.credential} not found`));";
const EXPRESS4 = JSON.stringify({ dependencies: { express: '^4.17.3' } });

async function lines(server: string, xss: string, pkg = EXPRESS4): Promise<string[]> {
  const found = await scan({ 'server.js': server, 'xss.js': xss, 'package.json': pkg }, 'server.js');
  return found
    .filter((f) => f.ruleId.startsWith('code/js-'))
    .map((f) => `${f.ruleId} ${f.location.startLine}`);
}

describe('a query rewritten by the application’s sanitizing middleware (query-sanitizer.ts)', () => {
  it('drops the XSS finding of a query value read after the compiled middleware', async () => {
    expect(await lines(SERVER('app.use(xss.sanitizeMiddleware);', REPLY), COMPILED)).toEqual([]);
  });

  it('drops it for a plain middleware imported by name', async () => {
    const server = SERVER('app.use(xss.clean);', REPLY);
    const loop = 'for (const k in req.query) req.query[k] = sanitizeHtml(req.query[k]);';
    expect(await lines(server, PLAIN(loop))).toEqual([]);
  });

  const bad: [string, string, string, string?][] = [
    [
      'a route parameter',
      SERVER('app.use(xss.sanitizeMiddleware);', "app.get('/c/:id', (req, res) => res.send(req.params.id));"),
      COMPILED,
    ],
    ['a route registered before the middleware', SERVER(REPLY, 'app.use(xss.sanitizeMiddleware);'), COMPILED],
    ['a middleware given a path prefix', SERVER("app.use('/api', xss.sanitizeMiddleware);", REPLY), COMPILED],
    [
      'Express 5 (req.query a getter)',
      SERVER('app.use(xss.sanitizeMiddleware);', REPLY),
      COMPILED,
      JSON.stringify({ dependencies: { express: '^5.1.0' } }),
    ],
    [
      'a value decoded after',
      SERVER(
        'app.use(xss.sanitizeMiddleware);',
        "app.get('/d', (req, res) => res.send(decodeURIComponent(req.query.d)));",
      ),
      COMPILED,
    ],
    [
      'a key the loop skips',
      SERVER('app.use(xss.clean);', REPLY),
      PLAIN(
        "for (const k in req.query) { if (k === 'html') continue; req.query[k] = sanitizeHtml(req.query[k]); }",
      ),
    ],
    [
      'a loop that writes only one branch',
      SERVER('app.use(xss.clean);', REPLY),
      PLAIN(
        'for (const k in req.query) { if (typeof req.query[k] === "string") req.query[k] = sanitizeHtml(req.query[k]); }',
      ),
    ],
    [
      'a middleware that may call next first',
      SERVER('app.use(xss.clean);', REPLY),
      PLAIN(
        "if (req.method === 'GET') return next(); for (const k in req.query) req.query[k] = sanitizeHtml(req.query[k]);",
      ),
    ],
    [
      'a rewrite with no sanitizer',
      SERVER('app.use(xss.clean);', REPLY),
      PLAIN('for (const k in req.query) req.query[k] = String(req.query[k]).trim();'),
    ],
    [
      'a middleware installed under a condition',
      SERVER('if (process.env.CLEAN) app.use(xss.sanitizeMiddleware);', REPLY),
      COMPILED,
    ],
    [
      'a value passed through a helper',
      SERVER(
        'app.use(xss.sanitizeMiddleware);',
        "const fmt = (s) => Buffer.from(s, 'base64').toString();\napp.get('/h', (req, res) => res.send(fmt(req.query.h)));",
      ),
      COMPILED,
    ],
    // review35: a sanitizer of another language under an XSS sanitizer's name, and a query parsed again.
    [
      'mongo-sanitize bound to `sanitize`',
      SERVER('app.use(xss.clean);', REPLY),
      PLAIN('for (const k in req.query) req.query[k] = sanitize(req.query[k]);').replace(
        "const sanitizeHtml = require('sanitize-html');",
        "const sanitize = require('mongo-sanitize');",
      ),
    ],
    [
      "express-mongo-sanitize's `sanitize` method",
      SERVER('app.use(xss.clean);', REPLY),
      PLAIN('for (const k in req.query) req.query[k] = mongoSanitize.sanitize(req.query[k]);').replace(
        "const sanitizeHtml = require('sanitize-html');",
        "const mongoSanitize = require('express-mongo-sanitize');",
      ),
    ],
    [
      "sqlstring's `escape`, destructured",
      SERVER('app.use(xss.clean);', REPLY),
      PLAIN('for (const k in req.query) req.query[k] = escape(req.query[k]);').replace(
        "const sanitizeHtml = require('sanitize-html');",
        "const { escape } = require('sqlstring');",
      ),
    ],
    [
      'a handler that parses the raw query again',
      SERVER(
        'app.use(xss.sanitizeMiddleware);',
        "app.get('/q', (req, res) => { req.query = qs.parse(req.url.split('?')[1]); res.send(req.query.q); });",
      ),
      COMPILED,
    ],
    [
      'another application object',
      SERVER('const admin = express(); admin.use(xss.sanitizeMiddleware);', REPLY),
      COMPILED,
    ],
  ];
  it.each(bad)('keeps the finding: %s', async (_name, server, xss, pkg) => {
    expect((await lines(server, xss, pkg)).filter((l) => l.startsWith('code/js-xss-response')).length).toBe(
      1,
    );
  });

  it('keeps a path-traversal finding of a sanitized query value (the sanitizer is an HTML one)', async () => {
    const server = SERVER(
      'app.use(xss.sanitizeMiddleware);',
      "app.get('/f', (req, res) => fs.readFile(req.query.f, (e, d) => res.json(d)));",
    );
    expect(await lines(server, COMPILED)).toEqual(['code/js-path-traversal 6']);
  });
});
