import DOMPurify from 'dompurify';

export const text = (html) => DOMPurify.sanitize(html);
