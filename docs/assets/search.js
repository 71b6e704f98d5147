/* The search box (overrides/partials/search.html) on Pagefind's chunked index.
 *
 * Pagefind (pagefind/pagefind.js, written by the build) fetches only the parts of the index a
 * query needs. Nothing of it loads with the page: it loads when the reader first moves towards
 * the box (a pointer over it, a touch, focus, the keyboard shortcut). On a slow link a round trip
 * costs more than its bytes, so its WebAssembly is asked for with its script (`warm`), and it
 * runs without its web worker (a file and a round trip fewer). Titles are set as text and
 * excerpts are rebuilt from their text and <mark> elements only, so nothing a contributor
 * wrote can become markup here. Wording comes from the theme's translations (#__config).
 *
 * On a large site the older entries have an index of their own (pagefind-earlier/, said by
 * data-briefing-search-earlier): a search reads the recent one first (a first search stays
 * small) and merges the earlier one when the reader asks ("Search the earlier entries too"), or
 * at once when the recent entries give less than a page of results.
 *
 * The box is a dialog for the keyboard too: while it is open, Tab and Shift+Tab cycle inside it,
 * Down and Up move through the results, and Escape closes it and gives focus back to what
 * opened it (the header's search button or box, or what had focus before a "/", "s" or "f").
 */
(function () {
  "use strict";
  var PAGE_SIZE = 10;
  var script = document.currentScript;
  var siteRoot = new URL("../", script.src);          // this file is assets/search.js
  var box = document.querySelector("[data-briefing-search]");
  var toggle = document.getElementById("__search");
  var openButton = document.querySelector("[data-briefing-search-open]");
  if (!box || !toggle) return;
  var input = box.querySelector(".md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var more = box.querySelector(".briefing-search-more");
  var earlierNote = box.querySelector(".briefing-search-earlier");
  var earlier = box.hasAttribute("data-briefing-search-earlier") && earlierNote ? null : false;
  var template = box.querySelector("template[data-briefing-result]");
  var words = translations();
  var pagefind = null;
  var shown = [];
  var asked = 0;              // how many of `shown` have been asked for (listed or arriving)
  var latest = 0;
  var opener = null;          // what gets focus back when Escape closes the dialog
  var quiet = false;          // a focus given back to the box must not open the dialog again
  /* Where the theme shows the box in the header (at narrower widths it hides when closed). */
  var wide = window.matchMedia("(min-width: 60em)");

  function translations() {
    try { return JSON.parse(document.getElementById("__config").textContent).translations || {}; }
    catch (error) { return {}; }  // no theme configuration: the box still works, with no words
  }

  function say(key, count) {
    var text = words[key] || "";
    return count === undefined ? text : text.replace("#", String(count));
  }

  /* This language's WebAssembly (a first search's largest file) with Pagefind's script, not after
   * it and its entry file (which cannot be asked for early: Pagefind adds a cache-busting query). */
  function warm() {
    var language = (document.documentElement.lang || "unknown").toLowerCase();
    var link = document.createElement("link");
    link.rel = "preload";
    link.as = "fetch";
    link.crossOrigin = "anonymous";   /* as Pagefind's own fetch asks, so that it takes this one */
    link.href = new URL("pagefind/wasm." + language + ".pagefind", siteRoot).href;
    document.head.appendChild(link);
  }

  function loadPagefind() {
    if (!pagefind) {
      warm();
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (module) {
        return module.options({ baseUrl: siteRoot.pathname, noWorker: true }).then(function () {
          module.init();
          meta.textContent = say("search.result.placeholder");
          return module;
        });
      });
    }
    return pagefind;
  }

  /* The earlier entries' index, merged into the search once (false: the site has none). */
  function mergeEarlier(module) {
    if (earlier === null) {
      earlier = module.mergeIndex(new URL("pagefind-earlier/", siteRoot).pathname, { baseUrl: siteRoot.pathname });
    }
    return earlier || Promise.resolve();
  }

  /* Pagefind's results, from the earlier entries too if the recent ones give less than a page. */
  function find(module, text) {
    return module.search(text).then(function (found) {
      if (earlier !== null || found.results.length >= PAGE_SIZE) return found;
      return mergeEarlier(module).then(function () { return module.search(text); });
    });
  }

  /* Pagefind's excerpt is escaped text with <mark> around the words found: keep just that. */
  function excerptInto(paragraph, excerpt) {
    var parsed = new DOMParser().parseFromString(excerpt, "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function resultItem(data) {
    var item = template.content.firstElementChild.cloneNode(true);
    item.querySelector("a").href = data.url;
    var about = data.meta || {};
    item.querySelector("h1").textContent = about.title || data.url;
    var description = item.querySelector(".briefing-search-description");
    description.textContent = about.description || "";
    description.hidden = !about.description;
    var facts = item.querySelector(".briefing-search-facts");
    facts.textContent = [about.type, about.date, about.topic].filter(Boolean).join(" · ");
    facts.hidden = !facts.textContent;
    excerptInto(item.querySelector(".briefing-search-excerpt"), data.excerpt || "");
    return item;
  }

  /* The next page of results, each shown once it and those above it have arrived (on a slow link
   * the first need not wait for the tenth); the list is aria-busy until the page is whole. */
  function showMore(query) {
    var next = shown.slice(asked, asked + PAGE_SIZE);
    asked += next.length;
    list.setAttribute("aria-busy", "true");
    return next.map(function (result) { return result.data(); }).reduce(function (shownAbove, arriving) {
      return shownAbove.then(function () { return arriving; }).then(function (data) {
        if (query === latest) list.appendChild(resultItem(data));
      });
    }, Promise.resolve()).then(function () {
      if (query !== latest) return;
      more.hidden = asked >= shown.length;
      list.setAttribute("aria-busy", "false");
    });
  }

  function search(text) {
    var query = ++latest;
    if (earlierNote) earlierNote.hidden = true;
    if (!text.trim()) {
      asked = 0;
      list.replaceChildren();
      more.hidden = true;
      meta.textContent = say("search.result.placeholder");
      return;
    }
    loadPagefind().then(function (module) {
      return find(module, text);
    }).then(function (found) {
      if (query !== latest) return;
      if (earlierNote) earlierNote.hidden = earlier !== null;
      shown = found.results;
      asked = 0;
      list.replaceChildren();
      var count = shown.length;
      meta.textContent = count === 0 ? say("search.result.none")
        : count === 1 ? say("search.result.one") : say("search.result.other", count);
      return showMore(query);
    });
  }

  function open(from) {
    if (toggle.checked) return;
    opener = from;
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
  }

  function focusQuietly(element) {
    quiet = true;
    element.focus();
    quiet = false;
  }

  /* The opener if a reader can still see it; else the search control the header shows. */
  function returnTarget() {
    var target = opener;
    if (target === input && !wide.matches) target = null;
    if (!target || target === document.body || !target.isConnected) target = wide.matches ? input : openButton;
    return target;
  }

  function close() {
    var target = returnTarget();
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    if (target) focusQuietly(target);
  }

  /* What Tab reaches in the dialog, in document order: the box, the results, "more results". */
  function focusables() {
    return Array.prototype.filter.call(box.querySelectorAll("input, a[href], button, [tabindex]"), function (el) {
      return el.tabIndex >= 0 && !el.disabled && el.getClientRects().length > 0;
    });
  }

  function cycle(event) {
    var items = focusables();
    if (!items.length) return;
    event.preventDefault();
    var at = items.indexOf(document.activeElement);
    var step = event.shiftKey ? -1 : 1;
    var next = at === -1 ? (event.shiftKey ? items.length - 1 : 0) : (at + step + items.length) % items.length;
    items[next].focus();
  }

  /* Down from the box to the first result and on; Up back, from the first result to the box. */
  function move(event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link"));
    var at = links.indexOf(document.activeElement);
    var target = null;
    if (event.key === "ArrowDown") {
      target = document.activeElement === input ? links[0] : at >= 0 ? links[at + 1] : null;
    } else if (at >= 0) {
      target = at === 0 ? input : links[at - 1];
    }
    if (target) {
      event.preventDefault();
      target.focus();
    }
  }

  var timer = null;
  input.addEventListener("input", function () {
    if (!toggle.checked) open(input);
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 120);
  });
  box.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.click();
  });
  box.querySelector("form").addEventListener("reset", function () {
    setTimeout(function () { search(""); input.focus(); }, 0);
  });
  more.addEventListener("click", function () { showMore(latest); });
  if (earlierNote) {
    earlierNote.querySelector("button").addEventListener("click", function () {
      loadPagefind().then(mergeEarlier).then(function () {
        search(input.value);
        input.focus();
      });
    });
  }
  /* Buttons that open the box (the 404 page's): hidden in the markup, shown only once they work. */
  document.querySelectorAll("[data-briefing-search-open]").forEach(function (button) {
    button.addEventListener("click", open);
    button.hidden = false;
  });
  /* A reader on the way to the box: the header's box, or a button that opens it (the header's at narrow widths). */
  ["pointerover", "touchstart", "focusin"].forEach(function (type) {
    document.querySelectorAll(".md-search, [data-briefing-search-open]").forEach(function (target) {
      target.addEventListener(type, loadPagefind, { once: true, passive: true });
    });
  });
  /* As in the theme: focusing the box opens the dialog, closing the dialog leaves the box. */
  input.addEventListener("focus", function () { if (!toggle.checked && !quiet) open(input); });
  input.addEventListener("click", function () { if (!toggle.checked) open(input); });
  if (openButton) openButton.addEventListener("click", function () { open(openButton); });
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      loadPagefind();
      setTimeout(function () { input.focus(); }, 0);
    } else if (box.contains(document.activeElement)) {
      document.activeElement.blur();
    }
  });
  /* Whatever moves focus (a click, a screen reader), it stays in the dialog while it is open. */
  document.addEventListener("focusin", function (event) {
    if (toggle.checked && !box.contains(event.target)) input.focus();
  });
  document.addEventListener("keydown", function (event) {
    var active = document.activeElement;
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName) || active.isContentEditable;
    var plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    if (toggle.checked && event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (toggle.checked && event.key === "Tab" && plain) {
      cycle(event);
    } else if (toggle.checked && (event.key === "ArrowDown" || event.key === "ArrowUp") && plain) {
      move(event);
    } else if (!toggle.checked && active === input && event.key === "ArrowDown") {
      open(input);
    } else if (!toggle.checked && !typing && plain && (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      open(active);
    }
  });
})();
