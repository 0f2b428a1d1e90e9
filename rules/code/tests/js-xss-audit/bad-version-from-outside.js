// A field named as a version is read as digits only when the page's own data holds it. A version another window
// posts (`event.data.version`), one parsed from text at hand (`JSON.parse(raw).version`), one a socket or an
// event emitter delivers, or one in a fetched response's body can be any text.
function onPeerMessage(event) {
  // ruleid: code/js-xss-audit
  document.getElementById('peer-version').innerHTML = 'Peer ' + event.data.version;
}
window.addEventListener('message', onPeerMessage);

function showHashVersion(el) {
  const raw = decodeURIComponent(window.location.hash.slice(1));
  // ruleid: code/js-xss-audit
  el.innerHTML = JSON.parse(raw).version;
}

const ws = new WebSocket('wss://updates.example.com/feed');
ws.onmessage = (msg) => {
  const update = JSON.parse(msg.data);
  // ruleid: code/js-xss-audit
  $('#server-version').html(update.serverVersion);
};

function listen(socket) {
  socket.on('hello', (info) => {
    // ruleid: code/js-xss-audit
    $('#remote-version').html(info.protocol_version);
  });
}

async function latest(el) {
  const response = await axios.get('https://registry.example.org/widget/latest');
  // ruleid: code/js-xss-audit
  el.innerHTML = (await fetch('https://registry.example.org/widget').then((r) => r.json())).version;
  // ruleid: code/js-xss-audit
  el.insertAdjacentHTML('beforeend', response.data.version);
  return response.status;
}
