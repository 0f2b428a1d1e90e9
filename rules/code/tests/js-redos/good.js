// Loops whose characters match one way, loops after which nothing can fail, counted repetition, a
// lookahead that rules the ambiguity out, and patterns built at run time (never guessed at).
function check(input, userPattern) {
  const words = /^\w+(\s\w+)*$/;
  const trailing = /(a+)+/;
  const quoted = /"(?:[^"\\]|\\.)*"/;
  const version = /^v?(\d+)\.(\d+)\.(\d+)(-[\w.]+)?$/;
  const comment = /^(\s|\/\*([^*]|\*(?!\/))*?\*\/)*[\[\(\w]/;
  const counted = /^(\d{1,3}\.){3}\d{1,3}$/;
  const dynamic = new RegExp(userPattern);
  const tag = /^[a-z][a-z0-9-]*(?:\s+[a-z_:.\-]+(?:\s*=\s*[^>]+)?)*\s*(?:>|$)/i;
  return [words, trailing, quoted, version, comment, counted, dynamic, tag].some((r) => r.test(input));
}
module.exports = { check };
