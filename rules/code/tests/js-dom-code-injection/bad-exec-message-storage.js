// A URL helper that reads the address with a regular expression's `exec`, a message any other window may post,
// and script text kept in the page's storage: each reaches eval through names.
function getQueryParam(name) {
  var re = new RegExp('[?&]' + name + '=([^&#]*)');
  var m = re.exec(location.search);
  return m ? decodeURIComponent(m[1]) : null;
}
var onload = getQueryParam('onload');
// ruleid: code/js-dom-code-injection
eval(onload);

function hashValue() {
  var match = /#cb=([^&]*)/.exec(window.location.href);
  return match && match[1];
}
// ruleid: code/js-dom-code-injection
setTimeout('run(' + hashValue() + ')', 10);

window.addEventListener('message', function (event) {
  var cmd = event.data.cmd;
  // ruleid: code/js-dom-code-injection
  new Function(cmd)();
});

window.onmessage = (e) => {
  const script = e.data;
  // ruleid: code/js-dom-code-injection
  window.eval(script);
};

var snippet = localStorage.getItem('startup-snippet');
// ruleid: code/js-dom-code-injection
eval(snippet);

function onWidgetMessage(msg) {
  // ruleid: code/js-dom-code-injection
  eval(msg.data.expr);
}
window.addEventListener('message', onWidgetMessage, false);
