// htm over preact: markup in tagged templates, no JSX compile step and nothing evaluated at run time.
export { html } from 'htm/preact';
