import DOMPurify from 'dompurify';

// A sanitiser's call, or a value whose name says it was sanitised or escaped, written in place.
export function Bio({ user }) {
  // ok: code/js-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(user.bio) }} />;
}

export function Card({ sanitizedHtml }) {
  // ok: code/js-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: sanitizedHtml }} />;
}

export function Title({ props }) {
  // ok: code/js-dangerously-set-inner-html
  return <h1 dangerouslySetInnerHTML={{ __html: props.escapedTitle }} />;
}
