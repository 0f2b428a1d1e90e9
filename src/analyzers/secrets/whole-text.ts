/**
 * The largest input whose whole text the secrets checks read: where a named key is used (a Firebase key), whether
 * a match sits in a Python docstring, which object of a package.json holds it. Past it those checks do not run,
 * each match is judged by its own line and what lies within 600 bytes of it, and the input is noted as not fully
 * analyzed (docs/rules.md, "Secrets: whole-file checks").
 */
export const WHOLE_TEXT_LIMIT = 1 << 20;

/**
 * An input's whole text, decoded once and only when a check asks for it (most inputs have no match that needs
 * it). Past WHOLE_TEXT_LIMIT it is never decoded, and `note` is called once.
 */
export class WholeText {
  private text: string | undefined;
  private noted = false;

  constructor(
    private readonly bytes: Buffer,
    private readonly enc: BufferEncoding,
    private readonly note?: (message: string) => void,
  ) {}

  /** The whole text, or undefined past the limit. */
  get(): string | undefined {
    if (this.bytes.length > WHOLE_TEXT_LIMIT) {
      if (!this.noted) {
        this.noted = true;
        this.note?.(
          `larger than ${WHOLE_TEXT_LIMIT >> 20} MB: the secret checks that read the whole file did not run (a Python docstring, where a key is used, whether an Algolia key is sent only with searches, a package.json's dependency objects); its matches are reported as their lines show them`,
        );
      }
      return undefined;
    }
    return (this.text ??= this.bytes.toString(this.enc));
  }

  /** The offset in `get()`'s text of byte offset `at`, or undefined past the limit. */
  offsetOf(at: number): number | undefined {
    const text = this.get();
    if (text === undefined) return undefined;
    // One character per byte (ASCII, or Latin-1): the offsets are the same.
    return text.length === this.bytes.length ? at : this.bytes.toString(this.enc, 0, at).length;
  }
}
