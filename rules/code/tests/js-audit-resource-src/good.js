// Fixed sources.
const CDN = 'https://cdn.example.test';

function load() {
  const script = document.createElement('script');
  script.src = `${CDN}/lib.js`;
  const img = new Image();
  img.src = '/logo.png';
  return [script, img];
}
load();
