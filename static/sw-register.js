// Registers the service worker (offline use after one visit). A new deploy installs in the
// background; the page then offers to reload into it, so no page ever runs a mix of versions.
(() => {
  if (!('serviceWorker' in navigator) || location.protocol === 'file:') return;
  const TEXT = {
    en: ['A new version of Long Game is ready.', 'Reload'],
    sv: ['En ny version av Long Game finns.', 'Ladda om'],
  };
  const offer = (worker) => {
    if (document.querySelector('.update-banner')) return;
    const [say, act] = TEXT[document.documentElement.lang] || TEXT.en;
    const banner = document.createElement('div');
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = act;
    button.addEventListener('click', () => worker.postMessage('skip-waiting'));
    banner.append(say + ' ', button);
    document.body.append(banner);
  };
  let reloading = false;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (hadController && !reloading) { reloading = true; location.reload(); }
  });
  navigator.serviceWorker.register('./sw.js').then((reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const next = reg.installing;
      next?.addEventListener('statechange', () => {
        if (next.state === 'installed' && navigator.serviceWorker.controller) offer(next);
      });
    });
  }).catch(() => {});
})();
