/*
 * Etalase: the search page (overrides/etalase/search.html) over Pagefind's JavaScript API.
 *
 * Results come as one types (Pagefind waits 300 ms between keys) and on submit;
 * ?q= in the address starts a search and follows the query. The count goes to a
 * polite live region once the results are on the page, also when a filter
 * changes it, so a screen reader says it without moving focus. Each result is a
 * list item with its title as a heading (a link); its thumbnail is decorative
 * (alt=""), the title already says it. Ten results at a time; the next ten on
 * request, focus on the first of them.
 *
 * The filters are in the page (the build knows every value); the count of results
 * for each value needs Pagefind's filter index, fetched only when focus or a
 * pointer first reaches the filters, so a plain query stays light on mobile data.
 *
 * Text from the index is set as text: a title with markup in it stays text, and of
 * an excerpt only Pagefind's <mark> highlights are kept.
 */
(function () {
  "use strict";
  var root = document.querySelector("[data-etalase-search]");
  if (!root) { return; }
  var form = root.querySelector("form");
  var input = root.querySelector("[data-etalase-search-input]");
  var clear = root.querySelector("[data-etalase-search-clear]");
  var filtersBox = root.querySelector("[data-etalase-search-filters]");
  var status = root.querySelector("[data-etalase-search-status]");
  var browse = root.querySelector("[data-etalase-search-browse]");
  var list = root.querySelector("[data-etalase-search-results]");
  var more = root.querySelector("[data-etalase-search-more]");
  var PAGE = 10;
  var pagefind = null;
  var results = [];
  var shown = 0;
  var run = 0;
  var countsLoaded = false;

  function quoted(term) {
    return "\u201c" + term + "\u201d";
  }

  function selectedFilters() {
    var selected = {};
    root.querySelectorAll("[data-etalase-filter]:checked").forEach(function (box) {
      var name = box.getAttribute("data-etalase-filter");
      (selected[name] = selected[name] || {any: []}).any.push(box.value);
    });
    return selected;
  }

  function filterSummary(selected) {
    var values = [];
    Object.keys(selected).forEach(function (name) { values = values.concat(selected[name].any); });
    return values.length ? " (saringan: " + values.join(", ") + ")" : "";
  }

  function showCounts(counts) {
    root.querySelectorAll("[data-etalase-filter]").forEach(function (box) {
      var values = counts && counts[box.getAttribute("data-etalase-filter")];
      box.parentNode.querySelector(".etalase-search__count").textContent = values ? "(" + (values[box.value] || 0) + ")" : "";
    });
  }

  async function loadCounts() {
    if (countsLoaded || !pagefind) { return; }
    countsLoaded = true;
    await pagefind.filters();
    await search();
  }

  function excerpt(html) {
    var fragment = document.createDocumentFragment();
    var parsed = new DOMParser().parseFromString(html, "text/html");
    parsed.body.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(node.textContent));
      }
    });
    return fragment;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    var article = document.createElement("article");
    article.className = "etalase-result";
    if (data.meta.image) {
      var image = document.createElement("img");
      image.src = new URL(data.meta.image, new URL(data.url, location.href)).href;
      image.alt = "";
      image.width = 80;
      image.height = 80;
      image.loading = "lazy";
      image.className = "etalase-result__image";
      article.appendChild(image);
    }
    var body = document.createElement("div");
    var heading = document.createElement("h2");
    heading.className = "etalase-result__title";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = data.meta.title || data.url;
    heading.appendChild(link);
    var text = document.createElement("p");
    text.className = "etalase-result__excerpt";
    text.appendChild(excerpt(data.excerpt || ""));
    body.append(heading, text);
    article.appendChild(body);
    item.appendChild(article);
    return item;
  }

  async function showMore(focusFirst) {
    var mine = run;
    var batch = await Promise.all(results.slice(shown, shown + PAGE).map(function (result) { return result.data(); }));
    if (mine !== run) { return; }
    var items = batch.map(resultItem);
    items.forEach(function (item) { list.appendChild(item); });
    shown += batch.length;
    more.hidden = shown >= results.length;
    if (focusFirst && items.length) { items[0].querySelector("a").focus(); }
  }

  function clearResults() {
    results = [];
    shown = 0;
    list.replaceChildren();
    more.hidden = true;
    browse.classList.remove("etalase-search__browse--shown");
  }

  async function search() {
    var term = input.value.trim();
    var selected = selectedFilters();
    var mine = ++run;
    clear.hidden = !input.value;
    var url = new URL(location.href);
    if (term) { url.searchParams.set("q", term); } else { url.searchParams.delete("q"); }
    history.replaceState(history.state, "", url);
    if (!pagefind) { return; }
    if (!term && !Object.keys(selected).length) {
      clearResults();
      showCounts(null);
      status.textContent = "";
      return;
    }
    var found = await pagefind.debouncedSearch(term || null, {filters: selected}, 300);
    if (found === null || mine !== run) { return; }
    clearResults();
    results = found.results;
    showCounts(countsLoaded ? found.filters : null);
    var subject = (term ? " untuk " + quoted(term) : "") + filterSummary(selected);
    if (!results.length) {
      status.textContent = "Tidak ada hasil" + subject + ".";
      browse.classList.add("etalase-search__browse--shown");
      return;
    }
    await showMore(false);
    if (mine === run) { status.textContent = "Ditemukan " + results.length + " hasil" + subject + "."; }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search();
  });
  input.addEventListener("input", search);
  clear.addEventListener("click", function () {
    input.value = "";
    search();
    input.focus();
  });
  more.addEventListener("click", function () { showMore(true); });
  root.querySelectorAll("[data-etalase-filter]").forEach(function (box) { box.addEventListener("change", search); });
  // Counts per value cost an index of every filter: fetched once the reader reaches the filters.
  filtersBox.addEventListener("focusin", loadCounts);
  filtersBox.addEventListener("pointerdown", loadCounts);

  // Pagefind takes the site's path from where pagefind.js is, so result links work under a path too.
  import(new URL(root.getAttribute("data-pagefind"), document.baseURI).href).then(async function (module) {
    pagefind = module;
    await pagefind.options({excerptLength: 30});
    filtersBox.hidden = !filtersBox.querySelector("[data-etalase-filter]");
    input.value = new URLSearchParams(location.search).get("q") || input.value;
    await search();
  }, function () {
    status.textContent = "Pencarian tidak dapat dimuat. Periksa sambungan, lalu muat ulang halaman ini.";
    browse.classList.add("etalase-search__browse--shown");
  });
}());
