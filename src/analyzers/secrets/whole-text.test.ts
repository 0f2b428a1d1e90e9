import { describe, expect, it } from 'vitest';
import { SecretEngine } from './engine.js';
import { SECRET_RULES } from './rules.js';
import { WHOLE_TEXT_LIMIT, WholeText } from './whole-text.js';

describe('an input decoded whole once, within one limit', () => {
  it('gives the text and character offsets of byte offsets, also after multi-byte characters', () => {
    const bytes = Buffer.from('# Grüße — 東京\nkey = 1\n');
    const whole = new WholeText(bytes, 'utf8');
    const at = bytes.indexOf('key');
    expect(whole.get()?.slice(whole.offsetOf(at), (whole.offsetOf(at) ?? 0) + 3)).toBe('key');
    expect(whole.get()).toBe(whole.get());
  });

  it('is undefined past the limit, and says so once', () => {
    const notes: string[] = [];
    const whole = new WholeText(Buffer.alloc(WHOLE_TEXT_LIMIT + 1, 0x61), 'utf8', (m) => notes.push(m));
    expect(whole.get()).toBeUndefined();
    expect(whole.offsetOf(10)).toBeUndefined();
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/whole file did not run/);
  });

  it('keeps a docstring password in a Python file past the limit, and notes the file as not fully analyzed', () => {
    const engine = new SecretEngine(SECRET_RULES);
    const pw = ['pass', 'word'].join('');
    const doc = `def connect(url):\n    """Connect.\n\n    Example: connect('smtp://bob:${pw}@mail.example.org')\n    """\n`;
    const scan = (text: string, warn?: (m: string) => void) =>
      engine
        .scan(Buffer.from(text), { path: 'pkg/mail.py', name: 'mail.py', ext: 'py', productNames: [], warn })
        .map((d) => d.line);
    expect(scan(doc)).toEqual([]);
    const filler = `# ${'-'.repeat(76)}\n`.repeat(Math.ceil(WHOLE_TEXT_LIMIT / 79));
    const notes: string[] = [];
    expect(scan(doc + filler, (m) => notes.push(m))).toEqual([4]);
    expect(notes).toEqual([expect.stringMatching(/^pkg\/mail\.py: larger than 1 MB/)]);
  });
});
