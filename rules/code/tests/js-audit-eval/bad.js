// Every eval, Function and timer given text built at run time, also in a script of the browser's page (which
// the default rule code/js-code-injection-audit leaves out): a lead to check who writes the text.
function applyShowIf(el, row) {
  const condition = $(el).attr('data-show-if');
  // ruleid: code/js-audit-eval
  const show = new Function('row', 'return ' + condition)(row);
  el.style.display = show ? '' : 'none';
}

function bindPicker(el) {
  // ruleid: code/js-audit-eval
  el.onChange = eval($(el).data('onchange-function'));
}

function later(name) {
  // ruleid: code/js-audit-eval
  setTimeout('refresh("' + name + '")', 100);
}

document.querySelectorAll('[data-show-if]').forEach((el) => applyShowIf(el, window.currentRow));
jQuery('.picker').each(function () {
  bindPicker(this);
  later(this.id);
});
