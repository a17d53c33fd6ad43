// The crash banner's buttons (src/app/panic.rs): Reload, and Copy details. Plain script, not
// Rust, since after a panic the wasm module runs nothing more; listeners, not inline onclick
// attributes, which the Content-Security-Policy blocks.
document.addEventListener('click', (event) => {
  const button = event.target instanceof Element && event.target.closest('#crash-banner button');
  if (!button) return;
  if (button.id === 'crash-reload') {
    location.reload();
  } else if (button.id === 'crash-copy') {
    const area = button.parentNode.querySelector('textarea');
    area.select();
    const copied = () => { button.textContent = button.dataset.copied; };
    (navigator.clipboard ? navigator.clipboard.writeText(area.value) : Promise.reject())
      .catch(() => document.execCommand('copy'))
      .then(copied, copied);
  }
});
