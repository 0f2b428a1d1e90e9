import { marked } from 'marked';

// The word "sanitize" as an option turned off is no sanitiser: the user's Markdown keeps its HTML.
export function Bio({ user }) {
  // ruleid: code/js-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html: marked.parse(user.bio, { sanitize: false }) }} />;
}

// A call whose argument merely mentions escaping.
export function Snippet({ post }) {
  // ruleid: code/js-dangerously-set-inner-html
  return <pre dangerouslySetInnerHTML={{ __html: highlight(post.code, { escape: post.raw }) }} />;
}
