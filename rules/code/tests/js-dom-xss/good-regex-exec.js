// A regular expression's exec over the page's own text, written as HTML: nothing from the address.
var versionMatch = /v(\d+)/.exec(document.getElementById('meta').textContent);
document.getElementById('version').innerHTML = 'Version ' + (versionMatch ? versionMatch[1] : '?');
