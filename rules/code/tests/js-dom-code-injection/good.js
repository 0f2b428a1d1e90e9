// The page's own text and a callback looked up in a fixed table: nothing from the address is evaluated.
var init = document.getElementById('config').getAttribute('data-init');
window.eval(init);
setTimeout('refresh()', 1000);

var handlers = { reload: function () { location.reload(); }, close: function () { window.close(); } };
var cb = new URLSearchParams(location.search).get('callback');
if (Object.prototype.hasOwnProperty.call(handlers, cb)) handlers[cb]();

var debug = new URL(location.href).searchParams.get('debug') === '1';
if (debug) setTimeout(function () { console.log('debug'); }, 10);

// A timer given a function held in a name or an object's member, on an object that also holds the page's URL.
var app = { url: location.href, poll: function () { return fetch(app.url); } };
setTimeout(app.poll, 50);
var tick = app.poll;
setInterval(tick, 1000);
setTimeout(app.poll.bind(app), 10);
