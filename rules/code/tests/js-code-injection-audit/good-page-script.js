// A script of the browser's page (it names `document` and jQuery, and nothing of Node's) evaluating what the page
// itself holds: a builder's formula written into a data- attribute, an editor plugin's callback name. Code the
// page already runs with its own rights: the audit profile's js-audit-eval reports it, not the default rule.
function applyShowIf(el, row) {
  const condition = $(el).attr('data-show-if');
  const show = new Function('row', 'return ' + condition)(row);
  el.style.display = show ? '' : 'none';
}

function bindPicker(el) {
  el.onChange = eval($(el).data('onchange-function'));
}

document.querySelectorAll('[data-show-if]').forEach((el) => applyShowIf(el, window.currentRow));
jQuery('.picker').each(function () {
  bindPicker(this);
});
