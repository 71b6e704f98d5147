// Registers the site's service worker (hooks/briefing/render/offline.py), found from this file's
// own address (ROOT, above, leads from it to the site's root), so a mirror at any address works.
// After the page has loaded: the worker never competes with a page's first paint on a slow link.
// Where no worker can run (a page opened from a file, a private window) nothing happens.
(function () {
  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) return;
  var root = new URL(ROOT, script.src);
  window.addEventListener("load", function () {
    navigator.serviceWorker.register(new URL("sw.js", root), { scope: root.href }).catch(function () {});
  });
})();
