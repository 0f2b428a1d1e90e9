export function Comment({ comment }) {
  // ruleid: code/js-dangerously-set-inner-html
  return <div className="comment" dangerouslySetInnerHTML={{ __html: comment.body }} />;
}

export function Preview({ markdown }) {
  const html = render(markdown);
  // ruleid: code/js-dangerously-set-inner-html
  return <section dangerouslySetInnerHTML={{ __html: `<h2>Preview</h2>${html}` }} />;
}

// Escaped in one branch only: the other still carries the raw text.
export function Note({ note, trusted }) {
  const html = trusted ? note.html : escapeHtml(note.text);
  // ruleid: code/js-dangerously-set-inner-html
  return <p dangerouslySetInnerHTML={{ __html: html }} />;
}

// Without JSX: the props object of React.createElement.
export function Raw({ comment }) {
  // ruleid: code/js-dangerously-set-inner-html
  return React.createElement('div', { dangerouslySetInnerHTML: { __html: comment.body } });
}

// Markdown of a value the component is given: raw HTML in it passes through marked.
export function Readme({ readme }) {
  // ruleid: code/js-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: marked.parse(readme.text) }} />;
}
