// The drawn signature of the pledge signing page: a canvas drawn on with a finger, a pen or a
// mouse (pointer events), whose picture goes, as a PNG data URL, into the form's hidden
// `signatureImage` field. Without this script the pad stays hidden and the typed name signs.
'use strict';

for (const pad of document.querySelectorAll('[data-signature-pad]')) {
  const canvas = pad.querySelector('canvas');
  const field = pad.querySelector('input[name="signatureImage"]');
  const clear = pad.querySelector('.signature-pad__clear');
  if (!(canvas instanceof HTMLCanvasElement) || !(field instanceof HTMLInputElement)) continue;
  const context = canvas.getContext('2d');
  if (!context) continue;
  context.lineWidth = 4;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  context.strokeStyle = '#1b1f24';

  let drawing = false;
  let drawn = false;

  // The canvas keeps its own 600 × 220 pixels however wide the screen shows it.
  const point = (event) => {
    const box = canvas.getBoundingClientRect();
    return { x: ((event.clientX - box.left) * canvas.width) / box.width, y: ((event.clientY - box.top) * canvas.height) / box.height };
  };

  canvas.addEventListener('pointerdown', (event) => {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    drawing = true;
    const { x, y } = point(event);
    context.beginPath();
    context.moveTo(x, y);
    // A tap leaves a dot.
    context.lineTo(x + 0.1, y + 0.1);
    context.stroke();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing) return;
    event.preventDefault();
    const { x, y } = point(event);
    context.lineTo(x, y);
    context.stroke();
    drawn = true;
  });
  const finish = () => {
    if (!drawing) return;
    drawing = false;
    drawn = true;
    field.value = canvas.toDataURL('image/png');
  };
  canvas.addEventListener('pointerup', finish);
  canvas.addEventListener('pointercancel', finish);

  clear?.addEventListener('click', () => {
    context.clearRect(0, 0, canvas.width, canvas.height);
    drawn = false;
    field.value = '';
  });

  // Nothing drawn: nothing sent, rather than a blank picture.
  pad.closest('form')?.addEventListener('submit', () => {
    if (!drawn) field.value = '';
  });
}
