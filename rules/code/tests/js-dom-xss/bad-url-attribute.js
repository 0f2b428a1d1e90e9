// The page's URL as the browser serialises it may still hold `'`, and a decoded or sliced one anything: outside a
// double-quoted attribute value, or in an event handler's, it can leave its context.
var box = $('#login-box');

function single() {
  // ruleid: code/js-dom-xss
  box.html("<a href='/logout?returnto=" + location.href + "'>log out</a>");
}

function handler() {
  // ruleid: code/js-dom-xss
  document.getElementById('back').innerHTML = '<button onclick="go(\'' + location.href + '\')">back</button>';
}

function sliced() {
  // ruleid: code/js-dom-xss
  box.html('<a href="' + location.hash.slice(1) + '">open</a>');
}

function scheme() {
  // ruleid: code/js-dom-xss
  box.html(`<a href="javascript:show('${location.search}')">show</a>`);
}

function text() {
  // ruleid: code/js-dom-xss
  document.write('<p>You came from ' + document.referrer.split('?')[0] + '</p>');
}

function decodedLater() {
  // The markup decoded after the URL was joined into it: `%22` is a quote again.
  // ruleid: code/js-dom-xss
  document.getElementById('back').innerHTML = decodeURIComponent('<a href="' + location.href + '">back</a>');
}

single();
handler();
sliced();
scheme();
text();
decodedLater();
