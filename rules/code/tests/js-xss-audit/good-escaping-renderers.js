// Highlighters and a maths typesetter escape the text they are given and emit only their own markup.
function highlightBlock(domNode, text, language) {
  domNode.children[0].innerHTML = hljs.highlight(text, { language: language, ignoreIllegals: true }).value;
  domNode.children[1].innerHTML = hljs.highlightAuto(text).value;
  domNode.children[2].innerHTML = Prism.highlight(text, Prism.languages.javascript, 'javascript');
}
function typeset(span, tex) {
  span.innerHTML = katex.renderToString(tex, { throwOnError: false });
}
