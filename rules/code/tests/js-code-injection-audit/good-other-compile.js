// A template engine's own `_compile` method, in a file that never names Node's module loader.
export class Templates {
  render(name, text, data) {
    const fn = this._compile(text, name);
    return fn(data);
  }

  _compile(text) {
    return (data) => text.replace(/\{(\w+)\}/g, (_, k) => String(data[k] ?? ''));
  }
}
