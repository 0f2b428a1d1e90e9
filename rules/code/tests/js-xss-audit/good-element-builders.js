// renderjson returns a DOM element it built from text nodes: `.html(element)` inserts the node.
import renderjson from 'renderjson';

$('div.tableContent pre').each(function () {
  const $this = $(this);
  const text = $.trim($this.text());
  if (text) {
    $this.html(renderjson(JSON.parse(text)));
  }
});
