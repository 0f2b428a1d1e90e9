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
