const params = new URLSearchParams(window.location.search);
const banner = document.getElementById('banner');
// ruleid: code/js-dom-xss
banner.innerHTML = '<b>' + params.get('msg') + '</b>';

function showHash() {
  const frag = decodeURIComponent(location.hash.slice(1));
  // ruleid: code/js-dom-xss
  document.write('<p>' + frag + '</p>');
}
showHash();
