/*
 * Etalase: the sticky header's room when focus scrolls, and the phone menu
 * (overrides/partials/etalase/header.html).
 * Loaded on every page in place of Material's JavaScript bundle. Without it the
 * menu is a link to the list of links (#menu), which CSS shows as the target.
 *
 * The menu button is a disclosure: aria-expanded says whether the list is shown,
 * Enter or Space (the button's own keys) toggle it, Escape closes it and puts focus
 * back on the button. Focus stays on the button when it opens; the list follows it,
 * so Tab goes through its links. The list covers the page below the header, so
 * it closes when focus or a press goes elsewhere: nothing focused is ever under it.
 */
(function () {
  "use strict";
  var header = document.querySelector("[data-etalase-header]");
  if (!header) { return; }

  // The sticky header grows when the text is enlarged or spaced out: focus scrolled
  // into view (Shift+Tab) keeps clear of it at any height, not only the CSS default's.
  new ResizeObserver(function () {
    document.documentElement.style.scrollPaddingTop = header.offsetHeight + 12 + "px";
  }).observe(header);

  var button = header.querySelector("[data-etalase-menu-button]");
  var menu = button && document.getElementById(button.getAttribute("aria-controls"));
  if (!menu) { return; }

  function isOpen() {
    return button.getAttribute("aria-expanded") === "true";
  }

  function setOpen(open) {
    button.setAttribute("aria-expanded", String(open));
    menu.classList.toggle("etalase-menu--open", open);
  }

  button.addEventListener("click", function () {
    setOpen(!isOpen());
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && isOpen()) {
      setOpen(false);
      button.focus();
    }
  });
  document.addEventListener("focusin", function (event) {
    if (isOpen() && !header.contains(event.target)) { setOpen(false); }
  });
  document.addEventListener("click", function (event) {
    if (isOpen() && !header.contains(event.target)) { setOpen(false); }
  });
}());
