import { parse } from '@ast-grep/napi';
import { describe, expect, it } from 'vitest';
import { ensurePython } from './languages.js';
import { settingsWrittenByRequest } from './template-settings-py.js';

const FLASK = 'from flask import current_app, request\n\n\n';
const DJANGO = 'from django.conf import settings\n\n\n';
const TORNADO = 'import json\nfrom tornado import web\n\n\n';

/** `body` as the body of `def name(…)`, after the given imports. */
function written(imports: string, body: string, head = 'def save(request=None):'): boolean {
  ensurePython();
  const text = `${imports}${head}\n${body
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n')}\n`;
  return settingsWrittenByRequest(parse('python', text).root(), text);
}

describe('a request-reading function that writes settings under names the program does not spell', () => {
  it.each([
    [
      'a computed key',
      FLASK,
      'for key, value in request.form.items():\n    current_app.config[key.upper()] = value',
    ],
    [
      'setattr with a computed name',
      DJANGO,
      'for k, v in request.POST.items():\n    setattr(settings, k, v)',
    ],
    ['a merge of a mapping', FLASK, 'data = request.get_json()\ncurrent_app.config.update(data)'],
    ['a merge of a splat', FLASK, 'current_app.config.from_mapping(**request.form)'],
    ['a dict display with a computed key', FLASK, 'current_app.config.update({request.args["k"]: 1})'],
    ['a merge with |=', TORNADO, 'self.settings |= json.loads(self.request.body)'],
    ['setdefault of a computed key', TORNADO, 'self.settings.setdefault(self.get_argument("k"), 1)'],
    [
      'a computed key through a local bound to the settings (review39)',
      FLASK,
      'config = current_app.config\nfor key, value in request.form.items():\n    config[key] = value',
    ],
    [
      'the application under another name (review39)',
      'from flask import Flask, request\n\napplication = Flask(__name__)\n\n\n',
      'for key, value in request.form.items():\n    application.config[key] = value',
    ],
    [
      "Django's settings imported as another name (review39)",
      'from django.conf import settings as conf\n\n\n',
      'for k, v in request.POST.items():\n    setattr(conf, k, v)',
    ],
  ])('%s', (_, imports, body) => {
    expect(written(imports, body)).toBe(true);
  });

  it.each([
    [
      'literal keys (read by their key elsewhere)',
      FLASK,
      'current_app.config.update(MOTD=request.form["m"])',
    ],
    ['a dict display of literal keys', FLASK, 'current_app.config.update({"MOTD": request.form["m"]})'],
    ['a literal setattr', DJANGO, 'setattr(settings, "BANNER", request.POST["b"])'],
    ['a local mapping, not the settings', FLASK, 'ctx = {}\nfor k in request.args:\n    ctx[k] = 1'],
    ['a key of another object', 'from flask import request\n\n\n', 'config[request.args["k"]] = 1'],
  ])('%s', (_, imports, body) => {
    expect(written(imports, body)).toBe(false);
  });

  it('does not count a function that does not read the request (start-up defaults)', () => {
    expect(
      written(
        'import os\n' + FLASK,
        'for k, v in os.environ.items():\n    current_app.config[k] = v',
        'def load():',
      ),
    ).toBe(false);
  });
});
