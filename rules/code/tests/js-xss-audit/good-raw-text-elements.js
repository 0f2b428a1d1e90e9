// The content of `<style>`, `<textarea>` and `<title>` is text to the HTML parser: `innerHTML` there
// creates no element and runs nothing. The element is created in this file and bound to that name only.
function applyStyles(css) {
  var styleElement = document.createElement('style');
  styleElement.innerHTML = css;
  document.head.appendChild(styleElement);
}

$tw.styleElement = document.createElement('style');
$tw.styleElement.innerHTML = $tw.styleWidgetNode.assignedStyles;
$tw.wiki.addEventListener('change', function () {
  $tw.styleElement.innerHTML = $tw.styleContainer.textContent;
});

function copyBox(text) {
  const box = document.createElement('textarea');
  box.innerHTML = text;
  return box;
}
