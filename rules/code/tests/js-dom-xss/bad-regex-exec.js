// A group of the address, read with a regular expression's exec, written as HTML: the fragment carries markup
// whatever the pattern.
var nameMatch = /[?&]name=([^&]*)/.exec(location.search);
// ruleid: code/js-dom-xss
document.getElementById('hello').innerHTML = 'Hello ' + decodeURIComponent(nameMatch[1]);
