// A URL object of the page's own address handed on whole: whoever reads it next may read the link's part.
function ownUrl() {
  const url = new URL(window.location.href);
  url.searchParams.set('v', '2');
  return url;
}

function viaHelper() {
  // ruleid: code/js-open-redirect
  window.location.href = ownUrl().searchParams.get('next');
}

function viaDestructure() {
  const url = new URL(window.location.href);
  const { searchParams } = url;
  // ruleid: code/js-open-redirect
  window.location.href = searchParams.get('next');
}

function viaAlias() {
  const url = new URL(window.location.href);
  const copy = url;
  // ruleid: code/js-open-redirect
  window.location.href = copy.searchParams.get('next');
}

function viaText() {
  const url = new URL(location.href);
  // ruleid: code/js-open-redirect
  location.href = String(url).split('next=')[1];
}

module.exports = { viaHelper, viaDestructure, viaAlias, viaText };
