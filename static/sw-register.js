// Registers the service worker (offline use after one visit; on a first visit once the app runs,
// see below). A new deploy installs in the background; the page then offers to reload into it,
// so no page ever runs a mix of versions.
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
  const register = () => navigator.serviceWorker.register('./sw.js').then((reg) => {
    if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const next = reg.installing;
      next?.addEventListener('statechange', () => {
        if (next.state === 'installed' && navigator.serviceWorker.controller) offer(next);
      });
    });
  }).catch(() => {});
  if (hadController) { register(); return; }
  // A first visit: the worker installs from the files the page has downloaded (the browser's
  // cache), so it registers only once the page has loaded and the app (the wasm) is running;
  // registering at once would download everything a second time beside the page.
  const ready = () => document.querySelector('[data-app-ready]');
  const whenReady = () => {
    if (ready()) { register(); return; }
    const watch = new MutationObserver(() => {
      if (ready()) { watch.disconnect(); register(); }
    });
    watch.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-app-ready'] });
  };
  if (document.readyState === 'complete') whenReady();
  else addEventListener('load', whenReady, { once: true });
})();
