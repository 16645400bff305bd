/*
 * Etalase: the search page (overrides/etalase/search.html) over the site's own index
 * (scripts/etalase/search_index.py, published under indeks-cari/).
 *
 * A query is split into words as the index was (lower case, no accents, [a-z0-9]);
 * each word is looked up in the vocabulary file of its first three letters
 * (word -> stem), and each stem in its stem file (FNV-1a of the stem, modulo the
 * shard count): a handful of small files per query, each fetched once. A word no
 * post has is stemmed here, by the same Snowball Indonesian stemmer as the index
 * (etalase-stem-id.js, from @orama/stemmers; a test holds it to PyStemmer on every
 * word of the demo and the benchmark corpus), so "membangun" finds posts that say
 * only "pembangunan" (both bangun). Every word must match. The last word, while it
 * is being typed (no space after it), also matches every word it begins from three
 * letters ("jemba" -> jembatan); the others match their whole stem only ("pantai"
 * never finds "pemantauan").
 *
 * Ranking: the sum of each word's weight in the post (title 4, summary or tags 2,
 * body 1), then the newest first (post ids follow the date).
 *
 * The filters sit behind the "Saring" button, after the results' count on a phone;
 * the button says how many are on. Each value's count (of the results, under the
 * other filters) needs f.json, fetched only once the filters are opened or used.
 * The count goes to a polite live region; ten results at a time, the next ten on
 * request with focus on the first of them. Everything from the index is set as
 * text, never as HTML.
 */
import { stemmer } from "./etalase-stem-id.js";

(function () {
  "use strict";
  var root = document.querySelector("[data-etalase-search]");
  if (!root || !window.fetch) { return; }
  var form = root.querySelector("form");
  var input = root.querySelector("[data-etalase-search-input]");
  var clear = root.querySelector("[data-etalase-search-clear]");
  var toggle = root.querySelector("[data-etalase-search-toggle]");
  var toggleCount = root.querySelector("[data-etalase-search-toggle-count]");
  var panel = root.querySelector("[data-etalase-search-filters]");
  var status = root.querySelector("[data-etalase-search-status]");
  var browse = root.querySelector("[data-etalase-search-browse]");
  var list = root.querySelector("[data-etalase-search-results]");
  var more = root.querySelector("[data-etalase-search-more]");
  var boxes = Array.prototype.slice.call(root.querySelectorAll("[data-etalase-filter]"));
  var indexUrl = new URL(root.getAttribute("data-etalase-index"), document.baseURI);
  var base = new URL("../", indexUrl);
  var PAGE = 10;
  var MAX_EXPANSION = 40;
  var files = {};
  var meta = null;
  var facets = null;
  var found = [];
  var shown = 0;
  var run = 0;
  var timer = 0;

  function get(name) {
    if (!files[name]) {
      var url = new URL(name, indexUrl);
      if (meta) { url.searchParams.set("v", meta.version); }
      files[name] = fetch(url.href).then(function (response) {
        if (response.status === 404) { return {}; }
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      });
      files[name].catch(function () { delete files[name]; });
    }
    return files[name];
  }

  function words(text) {
    var folded = text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    return (folded.match(/[a-z0-9]+/g) || []).filter(function (word) { return word.length >= 2; });
  }

  function fnv1a(text) {
    var hash = 0x811c9dc5;
    var bytes = new TextEncoder().encode(text);
    for (var i = 0; i < bytes.length; i++) {
      hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
    }
    return hash;
  }

  function shardOf(stem) {
    return fnv1a(stem) % meta.stemShards;
  }

  /* A word's stem as the index makes it (etalase.search_index.terms_of): Snowball's, or the word itself if
     the stem would be shorter than two letters. */
  function stemOf(word) {
    var stem = stemmer(word);
    return stem.length >= 2 ? stem : word;
  }

  /* The stems a query word stands for: the vocabulary's stem of a word some post has, else the stemmer's;
     a prefix also stands for the stems of every word it begins. The stem file of the stemmer's stem is
     fetched alongside the vocabulary: for a known word it is the same file. */
  function stemsOf(word, prefix) {
    var own = stemOf(word);
    get("s/" + shardOf(own) + ".json");
    return get("v/" + word.slice(0, meta.prefix) + ".json").then(function (vocabulary) {
      var stems = [Object.prototype.hasOwnProperty.call(vocabulary, word) ? vocabulary[word] : own];
      if (!prefix) { return stems; }
      var matching = Object.keys(vocabulary).filter(function (known) { return known.indexOf(word) === 0; });
      matching.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1); });
      matching.forEach(function (known) {
        var stem = vocabulary[known];
        if (stems.indexOf(stem) < 0 && stems.length < MAX_EXPANSION) { stems.push(stem); }
      });
      return stems;
    });
  }

  /* Post id -> weight of one query word (the strongest of its stems). */
  function postsOf(word, prefix) {
    return stemsOf(word, prefix).then(function (stems) {
      return Promise.all(stems.map(function (stem) {
        return get("s/" + shardOf(stem) + ".json").then(function (shard) { return shard[stem] || {}; });
      }));
    }).then(function (postings) {
      var weights = new Map();
      postings.forEach(function (byWeight) {
        Object.keys(byWeight).forEach(function (weight) {
          var id = 0;
          byWeight[weight].forEach(function (gap) {
            id += gap;
            weights.set(id, Math.max(weights.get(id) || 0, Number(weight)));
          });
        });
      });
      return weights;
    });
  }

  function match(text) {
    var list = words(text);
    var typing = !/\s$/.test(text);
    return Promise.all(list.map(function (word, i) {
      return postsOf(word, typing && i === list.length - 1 && word.length >= meta.prefix);
    })).then(function (each) {
      if (!each.length) {
        var all = [];
        for (var id = 0; id < meta.posts; id++) { all.push({id: id, score: 0}); }
        return all;
      }
      var scored = [];
      each[0].forEach(function (weight, id) {
        var score = weight;
        for (var i = 1; i < each.length; i++) {
          if (!each[i].has(id)) { return; }
          score += each[i].get(id);
        }
        scored.push({id: id, score: score});
      });
      return scored.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    });
  }

  function selected() {
    return meta.filters.map(function (filter) {
      return boxes.filter(function (box) {
        return box.checked && box.getAttribute("data-etalase-filter") === filter.name;
      }).map(function (box) { return filter.values.indexOf(box.value); });
    });
  }

  function passes(id, chosen, except) {
    return chosen.every(function (values, f) {
      return f === except || !values.length || values.some(function (v) { return facets[id][f].indexOf(v) >= 0; });
    });
  }

  function showCounts(matched, chosen) {
    if (!facets) { return; }
    var counts = meta.filters.map(function (filter) { return filter.values.map(function () { return 0; }); });
    matched.forEach(function (hit) {
      meta.filters.forEach(function (filter, f) {
        if (passes(hit.id, chosen, f)) {
          facets[hit.id][f].forEach(function (v) { counts[f][v]++; });
        }
      });
    });
    boxes.forEach(function (box) {
      var f = meta.filters.map(function (filter) { return filter.name; }).indexOf(box.getAttribute("data-etalase-filter"));
      var v = f < 0 ? -1 : meta.filters[f].values.indexOf(box.value);
      box.parentNode.querySelector(".etalase-search__count").textContent = v < 0 ? "" : "(" + counts[f][v] + ")";
    });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  /* [title, url, category id, category, place, ISO date, when or price, thumbnail, side, summary] */
  function resultItem(record) {
    var item = element("li");
    var article = element("article", "etalase-result etalase-cat--" + record[2]);
    if (record[7]) {
      var image = element("img", "etalase-result__image");
      image.src = new URL(record[7], base).href;
      image.alt = "";
      image.width = 80;
      image.height = 80;
      image.loading = "lazy";
      image.decoding = "async";
      article.appendChild(image);
    }
    var body = element("div");
    var heading = element("h2", "etalase-result__title");
    var link = element("a", null, record[0]);
    link.href = new URL(record[1], base).pathname;
    heading.appendChild(link);
    var category = element("p", "etalase-result__category");
    category.appendChild(element("span", "etalase-tag", record[3]));
    var details = element("p", "etalase-result__meta");
    details.appendChild(element("span", "etalase-result__place", record[4]));
    details.appendChild(document.createTextNode(" · "));
    var when = element("time", null, record[6]);
    when.dateTime = record[5];
    details.appendChild(when);
    body.append(category, heading, element("p", "etalase-result__excerpt", record[9]), details);
    article.appendChild(body);
    item.appendChild(article);
    return item;
  }

  function showMore(focusFirst) {
    var mine = run;
    var batch = found.slice(shown, shown + PAGE);
    return Promise.all(batch.map(function (hit) {
      return get("r/" + Math.floor(hit.id / meta.perRecords) + ".json").then(function (records) {
        return records[hit.id % meta.perRecords];
      });
    })).then(function (records) {
      if (mine !== run) { return; }
      var items = records.map(resultItem);
      items.forEach(function (item) { list.appendChild(item); });
      shown += records.length;
      more.hidden = shown >= found.length;
      if (focusFirst && items.length) { items[0].querySelector("a").focus(); }
    });
  }

  function quoted(term) {
    return "\u201c" + term + "\u201d";
  }

  function summary(chosen) {
    var values = boxes.filter(function (box) { return box.checked; }).map(function (box) { return box.value; });
    toggleCount.textContent = values.length ? " (" + values.length + " aktif)" : "";
    return values.length ? " (saringan: " + values.join(", ") + ")" : "";
  }

  function loadFacets() {
    if (facets || !meta) { return Promise.resolve(); }
    return get("f.json").then(function (data) { facets = data; });
  }

  function search() {
    var mine = ++run;
    var text = input.value;
    var term = text.trim();
    clear.hidden = !text;
    var url = new URL(location.href);
    if (term) { url.searchParams.set("q", term); } else { url.searchParams.delete("q"); }
    history.replaceState(history.state, "", url);
    if (!meta) { return Promise.resolve(); }
    var chosen = selected();
    var filtering = chosen.some(function (values) { return values.length; });
    var subject = (term ? " untuk " + quoted(term) : "") + summary(chosen);
    if (!words(term).length && !filtering) {
      list.replaceChildren();
      found = [];
      more.hidden = true;
      browse.classList.remove("etalase-search__browse--shown");
      status.textContent = "";
      showCounts([], chosen);
      return Promise.resolve();
    }
    var needFacets = filtering || !panel.hidden ? loadFacets() : Promise.resolve();
    return Promise.all([match(text), needFacets]).then(function (results) {
      if (mine !== run) { return; }
      var matched = results[0];
      showCounts(matched, chosen);
      found = filtering ? matched.filter(function (hit) { return passes(hit.id, chosen, -1); }) : matched;
      list.replaceChildren();
      shown = 0;
      browse.classList.toggle("etalase-search__browse--shown", !found.length);
      if (!found.length) {
        more.hidden = true;
        status.textContent = "Tidak ada hasil" + subject + ".";
        return;
      }
      return showMore(false).then(function () {
        if (mine === run) { status.textContent = "Ditemukan " + found.length + " hasil" + subject + "."; }
      });
    }).catch(function () {
      if (mine === run) { failed(); }
    });
  }

  function failed() {
    status.textContent = "Pencarian tidak dapat dimuat. Periksa sambungan, lalu coba lagi.";
    browse.classList.add("etalase-search__browse--shown");
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(timer);
    search();
  });
  input.addEventListener("input", function () {
    clear.hidden = !input.value;  // at once, not after the pause before searching: the field's own control
    later();
  });
  clear.addEventListener("click", function () {
    input.value = "";
    search();
    input.focus();
  });
  more.addEventListener("click", function () { showMore(true); });
  toggle.addEventListener("click", function () {
    var open = panel.hidden;
    panel.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) { loadFacets().then(search); }
  });
  boxes.forEach(function (box) { box.addEventListener("change", search); });

  get("meta.json").then(function (data) {
    meta = data;
    toggle.hidden = !boxes.length;
    input.value = new URLSearchParams(location.search).get("q") || input.value;
    if (boxes.some(function (box) { return box.checked; })) {
      panel.hidden = false;
      toggle.setAttribute("aria-expanded", "true");
    }
    return search();
  }).catch(failed);
}());
