// The site's service worker (hooks/briefing/render/offline.py writes CONFIG above and says why).
// Pages are fetched from the network first, always: while the network answers, a reader gets
// the network's page, and a copy is kept. Only when the network fails is the kept copy served,
// with a notice saying when it was saved; a page never kept gets the offline page instead.
// No third-party request, no dependency: every address is the site's own, relative to this file.

const SCOPE = self.registration.scope;
const PREFIX = "briefing " + SCOPE + " ";  // the caches of this site alone: a host such as GitHub
const PAGES = PREFIX + CONFIG.version + " pages";  // Pages serves many sites from one origin
const ASSETS = PREFIX + CONFIG.version + " assets";
const SAVED = "x-briefing-saved";  // when a copy was kept, stored with it (an ISO time)
const TITLE = "x-briefing-title";  // its title, for the offline page's list
// Material's own files carry a hash of their content in their name (main.8608ea7d.min.css): a
// kept copy of one is the file itself, so it is served first. Every other asset (the site's own
// CSS, scripts and images keep their names across builds) is fetched first, as pages are.
const HASHED = /\.[0-9a-f]{8}\.min\.(css|js)$/;
const KEPT_ASSET = /\.(css|js|svg|png|ico|woff2?)$/;

self.addEventListener("install", (event) => {
  const offline = CONFIG.offlinePages.map(([, page]) => new URL(page, SCOPE).href);
  event.waitUntil(caches.open(PAGES).then((cache) => cache.addAll(offline)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  const current = [PAGES, ASSETS];
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name.startsWith(PREFIX) && !current.includes(name))
      .map((name) => caches.delete(name))))
    .then(() => self.clients.claim())
    .then(() => self.clients.matchAll({ type: "window" }))
    .then((windows) => Promise.all(windows.map((client) => keepOpenPage(client.url)))));
});

// The page a reader is on when the worker first starts was fetched before it: it is kept too, from
// the browser's own cache where it is there (no second download on a metered link). The edition is
// not fetched on a first visit: a reader who opens one page pays for that page alone (the edition
// weighs as much as a home page at 10,000 entries); it is kept with the next page the reader opens.
async function keepOpenPage(url) {
  if (!url.startsWith(SCOPE)) return;
  try {
    await keep(PAGES, await fetch(url, { credentials: "same-origin" }), CONFIG.keptPages);
  } catch (offline) {
    // offline already: nothing to keep
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  const path = new URL(request.url).pathname;
  if (request.mode === "navigate") {
    event.respondWith(page(event));
  } else if (KEPT_ASSET.test(path) && !path.includes("/pagefind")) {  // search needs the network anyway
    event.respondWith(HASHED.test(path) ? hashedAsset(event) : asset(event));
  }
});

// A page: the network's answer, revalidated with the server ("no-cache": the browser's own cache
// may not answer alone, so an edited page is never shown stale), kept; offline, the kept copy.
async function page(event) {
  let response;
  try {
    response = await fetch(new Request(event.request, { cache: "no-cache" }));
  } catch (offline) {
    return (await keptPage(event.request.url)) || offlinePage(event.request.url);
  }
  event.waitUntil(keep(PAGES, response, CONFIG.keptPages).then(() => keepEditionOf(event.request.url)));
  return response;
}

// The offline edition of the language a reader reads in is kept too, fetched again once the copy is
// a day old: offline, it holds the briefing's last weeks whole (it states its own date).
const EDITION_KEPT_FOR = 24 * 60 * 60 * 1000;
async function keepEditionOf(url) {
  const edition = new URL(languageOf(url)[2], SCOPE).href;
  const kept = await caches.match(edition, { cacheName: PAGES });
  if (edition === url || (kept && Date.now() - Date.parse(kept.headers.get(SAVED)) < EDITION_KEPT_FOR)) return;
  try {
    await keep(PAGES, await fetch(edition, { cache: "no-cache" }), CONFIG.keptPages);
  } catch (offline) {
    // offline now: the copy kept before, if any, stays
  }
}

function languageOf(url) {
  return CONFIG.offlinePages.find(([folder]) => url.startsWith(SCOPE + folder));
}

async function asset(event) {
  try {
    const response = await fetch(event.request);
    event.waitUntil(keep(ASSETS, response, CONFIG.keptAssets));
    return response;
  } catch (offline) {
    const kept = await caches.match(event.request.url, { cacheName: ASSETS });
    if (kept) return kept;
    throw offline;
  }
}

async function hashedAsset(event) {
  const kept = await caches.match(event.request.url, { cacheName: ASSETS });
  return kept || asset(event);
}

// A copy of a full answer of the site's own, with the time it was kept (and a page's title); the
// oldest copies are dropped past `limit` (a copy kept again moves to the end: Cache.put appends).
async function keep(name, response, limit) {
  if (!response.ok || response.type !== "basic" || response.redirected) return;
  const copy = response.clone();
  const body = await copy.text();
  const headers = { "content-type": copy.headers.get("content-type") || "", [SAVED]: new Date().toISOString() };
  if (name === PAGES) headers[TITLE] = encodeURIComponent(((/<title[^>]*>([^<]*)<\/title>/i.exec(body)) || ["", ""])[1]);
  const cache = await caches.open(name);
  await cache.put(copy.url, new Response(body, { headers }));
  const urls = (await cache.keys()).filter((kept) => !offlineUrls().includes(kept.url));
  await Promise.all(urls.slice(0, Math.max(0, urls.length - limit)).map((old) => cache.delete(old)));
}

// The offline pages and editions: never dropped to make room, never given the saved notice.
function offlineUrls() {
  return CONFIG.offlinePages.flatMap(([, page, edition]) => [page, edition]).map((kept) => new URL(kept, SCOPE).href);
}

// The kept page with a notice at the top of its content, in the page's language: the worker
// writes it into the HTML it serves (the page itself runs no script for it: nothing inline, and
// nothing to ask the worker), as an element the reader sees and a screen reader announces.
async function keptPage(url) {
  const kept = await caches.match(url, { cacheName: PAGES });
  if (!kept || offlineUrls().includes(url)) return kept;
  const html = await kept.text();
  const lang = ((/<html[^>]*\slang="([^"]+)"/i.exec(html)) || ["", "en"])[1];
  const words = CONFIG.words[lang] || CONFIG.words.en;
  const notice = '<div class="admonition info briefing-saved" role="status"><p>' +
    escaped(words.saved.replace("{date}", siteDate(kept.headers.get(SAVED), words))) + "</p></div>";
  // At the top of the page's text (the theme's article; the search box's templates hold others).
  const at = /<article[^>]*md-content__inner[^>]*>/i.exec(html) || /<body[^>]*>/i.exec(html);
  const shown = at ? html.slice(0, at.index + at[0].length) + notice + html.slice(at.index + at[0].length) : html;
  return new Response(shown, { headers: { "content-type": "text/html; charset=utf-8" } });
}

function siteDate(iso, words) {
  const day = new Date(iso);
  return words.months[day.getMonth()].replace("{d}", day.getDate()).replace("{y}", day.getFullYear());
}

// The offline page of the language the address is in, with the pages kept in that language listed
// (newest first), and a <base> so that its own relative links work at the address it answers.
async function offlinePage(url) {
  const [folder, file] = languageOf(url);
  const cache = await caches.open(PAGES);
  const offline = await cache.match(new URL(file, SCOPE).href);
  if (!offline) return Response.error();
  const others = CONFIG.offlinePages.map(([other]) => other).filter((other) => other.length > folder.length);
  const items = [];
  for (const request of (await cache.keys()).reverse()) {
    const path = request.url.slice(SCOPE.length);
    if (offlineUrls().includes(request.url) || !path.startsWith(folder) || others.some((o) => path.startsWith(o))) continue;
    const kept = await cache.match(request);
    const title = decodeURIComponent(kept.headers.get(TITLE) || "") || path;
    items.push('<li><a href="' + escaped(request.url) + '">' + escaped(unescaped(title)) + "</a></li>");
  }
  let html = await offline.text();
  html = html.replace(/<head>/i, '<head><base href="' + escaped(new URL(file, SCOPE).href) + '">');
  if (items.length) html = html.replace(/<ul id="kept">[\s\S]*?<\/ul>/, '<ul id="kept">' + items.join("") + "</ul>");
  return new Response(html, { headers: { "content-type": "text/html; charset=utf-8" } });
}

function escaped(text) {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function unescaped(text) {  // a title as its page wrote it (escaped HTML), back to its text
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
}
