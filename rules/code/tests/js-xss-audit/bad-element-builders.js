// A function of the same name the module does not import from renderjson may return markup text.
function renderjson(value) {
  return '<pre>' + value + '</pre>';
}

$('pre').each(function () {
  const $this = $(this);
  // ruleid: code/js-xss-audit
  $this.html(renderjson(JSON.parse($this.text())));
});
