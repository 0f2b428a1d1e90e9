// A script of the browser's page evaluating text read from the page's address, storage or a message another
// window posts: whoever writes the link or the message runs code in the page. Reported by the default rule.
function runFromHash() {
  // ruleid: code/js-code-injection-audit
  eval(decodeURIComponent(location.hash.slice(1)));
}

function restore() {
  // ruleid: code/js-code-injection-audit
  return new Function('return ' + localStorage.getItem('state'))();
}

window.addEventListener('message', function (event) {
  // ruleid: code/js-code-injection-audit
  setTimeout('handle(' + event.data + ')', 0);
});

document.getElementById('go').onclick = runFromHash;
$('#restore').on('click', restore);
