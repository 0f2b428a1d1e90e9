// Markup built at run time fills an element the code makes and puts into the page.
function addTask(data, $bar) {
  // ruleid: code/js-xss-built-element
  const $el = $('<li />')
    .addClass(data.className)
    .html('<a href="#"><img src="' + data.image + '"/> ' + data.title + '</a>');
  $bar.append($el);
}

function addMessage(ctx, $box) {
  // ruleid: code/js-xss-built-element
  $box.append($('<div>').html(ctx.text).contents());
  // ruleid: code/js-xss-built-element
  $box.append(jQuery('<span></span>').html(ctx.user.name));
}
