import DOMPurify from 'dompurify';

export function Comment({ comment }) {
  return <div className="comment" dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(comment.body) }} />;
}

export function Logo() {
  return <span dangerouslySetInnerHTML={{ __html: '<svg viewBox="0 0 10 10"></svg>' }} />;
}

export function Text({ comment }) {
  return <p>{comment.body}</p>;
}

const escapeHtmlForRender = (md) => md.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// The Markdown source shown as text: escaped first, then held in a name.
export function MarkdownValue({ value }) {
  const innerHtml = value && value.md ? escapeHtmlForRender(value.md) : '';
  return <div dangerouslySetInnerHTML={{ __html: innerHtml }} />;
}

const CHECK = '<svg viewBox="0 0 10 10"><path d="M1 5l3 3 5-6" /></svg>';

export function Check() {
  return <span dangerouslySetInnerHTML={{ __html: CHECK }} />;
}

// Markdown the file itself writes, rendered to HTML: markup fixed by the program text.
export function Intro() {
  return (
    <div
      dangerouslySetInnerHTML={{
        __html: marked.parse('Here you can change the keyboard shortcuts. ' + 'See [**the details**](#long-intro) below.'),
      }}
    />
  );
}
