// A page's script evaluating text from its own address, read through a name or a helper first: a crafted link
// (`?callback=alert(document.cookie)//`) runs script in the page.
var params = new URLSearchParams(window.location.search);
var cb = params.get('callback');
document.getElementById('status').textContent = 'loading';
// ruleid: code/js-dom-code-injection
eval(cb + '()');

function getParam(name) {
  return new URLSearchParams(location.search).get(name);
}

$(function () {
  var expr = getParam('expr');
  // ruleid: code/js-dom-code-injection
  $('#result').text(window.eval(expr));
});

var hash = decodeURIComponent(location.hash.substring(1));
// ruleid: code/js-dom-code-injection
var show = new Function('return ' + hash);
// ruleid: code/js-dom-code-injection
setTimeout('render(' + hash + ')', 10);
document.title = show();
// ruleid: code/js-dom-code-injection
window.setTimeout('render(' + hash + ')');
