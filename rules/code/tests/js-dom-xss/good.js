const params = new URLSearchParams(window.location.search);
const banner = document.getElementById('banner');
banner.textContent = params.get('msg');
banner.innerHTML = '<b>Welcome</b>';

function showHash() {
  const frag = decodeURIComponent(location.hash.slice(1));
  document.getElementById('out').innerHTML = DOMPurify.sanitize(frag);
}
showHash();
