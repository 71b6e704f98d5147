/* The search box (overrides/partials/search.html) on Pagefind's chunked index.
 *
 * Pagefind (pagefind/pagefind.js, written by the build) fetches only the parts of the
 * index a query needs. It loads the first time the box opens. Titles are set as text and
 * excerpts are rebuilt from their text and <mark> elements only, so nothing a contributor
 * wrote can become markup here. Wording comes from the theme's translations (#__config).
 */
(function () {
  "use strict";
  var PAGE_SIZE = 10;
  var script = document.currentScript;
  var siteRoot = new URL("../", script.src);          // this file is assets/search.js
  var box = document.querySelector("[data-briefing-search]");
  var toggle = document.getElementById("__search");
  if (!box || !toggle) return;
  var input = box.querySelector(".md-search__input");
  var meta = box.querySelector(".md-search-result__meta");
  var list = box.querySelector(".md-search-result__list");
  var more = box.querySelector(".briefing-search-more");
  var template = box.querySelector("template[data-briefing-result]");
  var words = translations();
  var pagefind = null;
  var shown = [];
  var latest = 0;

  function translations() {
    try {
      return JSON.parse(document.getElementById("__config").textContent).translations || {};
    } catch (error) {
      return {};
    }
  }

  function say(key, count) {
    var text = words[key] || "";
    return count === undefined ? text : text.replace("#", String(count));
  }

  function loadPagefind() {
    if (!pagefind) {
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (module) {
        return module.options({ baseUrl: siteRoot.pathname }).then(function () {
          module.init();
          meta.textContent = say("search.result.placeholder");
          return module;
        });
      });
    }
    return pagefind;
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
    excerptInto(item.querySelector(".briefing-search-excerpt"), data.excerpt || "");
    return item;
  }

  function showMore(query) {
    var next = shown.slice(list.children.length, list.children.length + PAGE_SIZE);
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (query !== latest) return;
      pages.forEach(function (data) { list.appendChild(resultItem(data)); });
      more.hidden = list.children.length >= shown.length;
    });
  }

  function search(text) {
    var query = ++latest;
    if (!text.trim()) {
      list.replaceChildren();
      more.hidden = true;
      meta.textContent = say("search.result.placeholder");
      return;
    }
    loadPagefind().then(function (module) {
      return module.search(text);
    }).then(function (found) {
      if (query !== latest) return;
      shown = found.results;
      list.replaceChildren();
      var count = shown.length;
      meta.textContent = count === 0 ? say("search.result.none")
        : count === 1 ? say("search.result.one") : say("search.result.other", count);
      return showMore(query);
    });
  }

  function open() {
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
  }

  var timer = null;
  input.addEventListener("input", function () {
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
  /* Buttons that open the box (the 404 page's): hidden in the markup, shown only once they work. */
  document.querySelectorAll("[data-briefing-search-open]").forEach(function (button) {
    button.addEventListener("click", open);
    button.hidden = false;
  });
  /* As in the theme: focusing the box opens the dialog, closing the dialog leaves the box. */
  input.addEventListener("focus", function () { if (!toggle.checked) open(); });
  toggle.addEventListener("change", function () {
    if (toggle.checked) {
      loadPagefind();
      setTimeout(function () { input.focus(); }, 0);
    } else {
      input.blur();
    }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) ||
      document.activeElement.isContentEditable;
    if (toggle.checked && event.key === "Escape") {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    } else if (!toggle.checked && !typing && !event.ctrlKey && !event.metaKey && !event.altKey &&
               (event.key === "/" || event.key === "s" || event.key === "f")) {
      event.preventDefault();
      open();
    }
  });
})();
