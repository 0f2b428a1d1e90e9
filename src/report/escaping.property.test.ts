import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { parseConfig } from '../policy/config.js';
import { escapeData, escapeProperty } from './github.js';
import { escapeHtml } from './html.js';
import { xmlEscape } from './junit.js';
import { mdCode, mdText } from './markdown.js';

// Strings with the characters that matter to each format, mixed with anything else.
const nasty = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '`',
      '%',
      ':',
      ',',
      '\r',
      '\n',
      '\u0000',
      '@',
      '[',
      ']',
      '|',
      '\uD800',
    ),
    fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
  ),
  maxLength: 80,
});

describe('escaping, for any input', () => {
  it('workflow command properties hold no delimiter and data holds no line break', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        expect(escapeProperty(s)).not.toMatch(/[:,\r\n]/);
        expect(escapeData(s)).not.toMatch(/[\r\n]/);
        // Round trip: decoding gives back the input without control characters.
        const decoded = escapeProperty(s).replace(/%(25|0D|0A|3A|2C)/g, (_, h: string) =>
          String.fromCharCode(parseInt(h, 16)),
        );
        expect(decoded.length).toBeLessThanOrEqual(s.length);
      }),
    );
  });

  it('HTML and XML text carries no markup character and no character XML forbids', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        for (const out of [escapeHtml(s), xmlEscape(s)]) {
          expect(out).not.toMatch(/[<>"']/);
          expect(out).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#39);)/);
          expect(out).not.toMatch(
            // eslint-disable-next-line no-control-regex -- the property is about control characters
            /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/,
          );
        }
      }),
    );
  });

  it('Markdown text stays on one line with no raw markup, and a code span cannot be closed early', () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const t = mdText(s);
        expect(t).not.toMatch(/[\r\n<>@]/);
        const code = mdCode(s);
        const fence = /^`+/.exec(code)![0];
        const inner = code.slice(fence.length, code.length - fence.length);
        expect(inner).not.toContain(fence);
      }),
    );
  });

  it('vanguard.yaml parsing fails only with ConfigError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        try {
          parseConfig(s);
        } catch (err) {
          expect(err).toBeInstanceOf(ConfigError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
