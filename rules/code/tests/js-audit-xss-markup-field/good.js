// Not a field named as markup (code/js-xss-audit reports these at its confidence, or nothing reports them): other
// fields of a reply, what another window posts, the element's own markup, fixed text.
function show(data, el) {
  $('#title').html(data.title);
  $('#label').html(data.htmlTitle);
  el.innerHTML = el.innerHTML + '<hr>';
  $('#fixed').html('<b>done</b>');
}

window.addEventListener('message', function (e) {
  document.getElementById('preview').innerHTML = e.data.html;
});
