// A field of an element of the file's own literal table (`const badge = BADGES[entity.type]` … `badge.label`),
// when the code writes into neither: one of the table's own values, whatever the key.
function typeCell(entity) {
  const badges = {
    module: { cls: 'secondary', icon: 'cube', label: 'Module' },
    user: { cls: 'dark', icon: 'user', label: 'User' },
  };
  const badge = badges[entity.type];
  const td = document.createElement('td');
  td.innerHTML = '<span class="badge bg-' + badge.cls + '"><i class="fas fa-' + badge.icon + '"></i>' + badge.label + '</span>';
  return td;
}
