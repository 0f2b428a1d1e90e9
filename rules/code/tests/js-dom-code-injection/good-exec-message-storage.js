// A regular expression's `exec` over the page's own text, a database handle's `exec`, a message handler that
// checks who sent it, and storage parsed as data: nothing from outside the page is evaluated as code.
var re = /version=(\d+)/;
var m = re.exec(document.getElementById('meta').textContent);
eval('setVersion(' + (m ? m[1] : '0') + ')');

var db = openDatabase();
var rows = db.exec(location.search);
eval(rows.length + ' + 1');

window.addEventListener('message', function (event) {
  if (event.origin !== 'https://app.example.org') return;
  var cmd = event.data.cmd;
  new Function(cmd)();
});

var prefs = JSON.parse(localStorage.getItem('prefs') || '{}');
document.body.className = prefs.theme;
setTimeout(function () { console.log('saved'); }, 10);

// A function of the same shape that no message listener names.
function onLocalEvent(msg) {
  eval(msg.data.expr);
}
document.getElementById('go').addEventListener('click', onLocalEvent);
