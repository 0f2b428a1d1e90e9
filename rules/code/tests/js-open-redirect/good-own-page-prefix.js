// A prefix of the page's own address keeps its scheme and host: the address cut before its query or fragment
// (`href.split('#')[0]`, also through a name read only at `[0]`), cut by a length from its start
// (`href.substring(0, href.length - 3)`), or split into segments whose last ones are popped before the rest is
// joined back. Whatever the program adds after it lands in the path, query or fragment of the same site.
function loadTemplate(name, value) {
  var urlparts = window.location.href.split('#');
  if (urlparts[0].split('?')[1]) {
    var newLocation = urlparts[0].split('?')[0] + '#' + name + '/' + value;
    window.location.href = newLocation;
  }
}

function openEditor(docId) {
  window.location = window.location.href.substring(0, window.location.href.length - 3) + 'edit/' + docId;
}

function closeEdit() {
  var parts = window.location.href.split('/');
  parts.pop();
  window.location = parts.join('/');
}

function dropQuery() {
  location.href = location.href.split('?')[0] + '?page=2';
}

module.exports = { loadTemplate, openEditor, closeEdit, dropQuery };
