// The address of the running script or of an element the page's template wrote, picked by a literal id: the
// browser gives it back resolved, with `<`, `>` and `"` percent-encoded, so an image path made from it is the
// server's own URL.
$(function () {
  var scriptSrc = document.getElementById('receive-script').src;
  var staticImgPath = scriptSrc.substr(0, scriptSrc.lastIndexOf('/') + 1).replace('js', 'img');
  $('.upload-status').html('<img src="' + staticImgPath + '/ajax.gif" alt="" /> Waiting ...');
  var base = document.currentScript.src;
  document.getElementById('spinner').innerHTML = '<img src="' + base.replace(/[^/]*$/, '') + 'spin.gif">';
});
