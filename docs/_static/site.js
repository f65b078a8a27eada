// Name the sidebar's expand/collapse toggles for screen readers: the theme renders them as
// <summary> elements holding only an icon, which assistive technology announces as nothing.
document.addEventListener("DOMContentLoaded", () => {
  for (const summary of document.querySelectorAll("nav details > summary")) {
    if (summary.textContent.trim() || summary.hasAttribute("aria-label")) continue;
    const link = summary.closest("li")?.querySelector(":scope > a");
    const title = link ? link.textContent.trim() : "this section";
    summary.setAttribute("aria-label", `Show or hide the pages of ${title}`);
  }
});

// Keep each word of a table cell on one line: the browser may break after a hyphen or a slash,
// which turned a header "grad a-0.01" into "grad a-" over "0.01". Spaces still wrap.
document.addEventListener("DOMContentLoaded", () => {
  const breakable = /\S*[-\u2010-\u2014/]\S*/g;
  for (const cell of document.querySelectorAll("article table th, article table td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    const texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    for (const text of texts) {
      if (!breakable.test(text.data) || text.parentElement.closest("code, pre")) continue;
      breakable.lastIndex = 0;
      const parts = document.createDocumentFragment();
      let last = 0;
      for (const match of text.data.matchAll(breakable)) {
        parts.append(text.data.slice(last, match.index));
        const word = document.createElement("span");
        word.className = "nowrap";
        word.textContent = match[0];
        parts.append(word);
        last = match.index + match[0].length;
      }
      parts.append(text.data.slice(last));
      text.replaceWith(parts);
    }
  }
});

// An exercise's discussion gives the answer away: it goes inside the last solution toggle
// before it, so it stays folded until the reader opens the solution. (A page marks it with
// a `{container} solution-discussion` block right after the solution cells.)
document.addEventListener("DOMContentLoaded", () => {
  for (const discussion of document.querySelectorAll("div.solution-discussion")) {
    const section = discussion.closest("section") || document;
    const toggles = [...section.querySelectorAll("details.hide")].filter(
      (d) => d.compareDocumentPosition(discussion) & Node.DOCUMENT_POSITION_FOLLOWING);
    toggles.at(-1)?.append(discussion);
  }
});

// Search result snippets come from a page's main element, which in this theme also holds the
// article header (download, theme and Contents buttons) and the page's table of contents: a
// snippet read "System Settings Light Dark…". Drop those before Sphinx summarises the page.
// (searchtools.js loads after this file on the search page: patch once the page is parsed,
// before Sphinx's own DOMContentLoaded handler starts the search.)
const cleanSearchSnippets = () => {
  if (typeof Search === "undefined" || !Search.htmlToText || Search.htmlToText.cleaned) return;
  const pageText = Search.htmlToText;
  Search.htmlToText = (htmlString, anchor) => {
    const page = new DOMParser().parseFromString(htmlString, "text/html");
    const noise = ".bd-header-article, .bd-sidebar-secondary, #jb-print-docs-body, "
      + ".prev-next-area, .bd-footer-content, .bd-footer-article";
    page.querySelectorAll(noise).forEach((element) => element.remove());
    // An index entry's anchor is an empty marker: summarise the page around the query instead.
    const target = anchor && anchor.startsWith("#index-") ? "" : anchor;
    return pageText(page.documentElement.outerHTML, target);
  };
  Search.htmlToText.cleaned = true;
};
cleanSearchSnippets();
document.addEventListener("DOMContentLoaded", cleanSearchSnippets);

// A control's accessible name should contain the words it shows (WCAG 2.5.3): the theme names
// the search field "Search" while it shows "Search Ctrl+K". Without the label, the name is the
// visible text. (myst-nb's "Toggle hidden content" label on folded cells is left out at build
// time: sphinxext/hide_cells.py.)
document.addEventListener("DOMContentLoaded", () => {
  for (const control of document.querySelectorAll("button.search-button-field[aria-label]")) {
    if (control.textContent.trim()) control.removeAttribute("aria-label");
  }
});

// Every piece of the page sits in a landmark (axe-core's `region` rule): the book theme puts the
// site's title link at the top of the primary sidebar, a plain <div> outside any landmark. It
// is the way home: name it as the site's navigation.
document.addEventListener("DOMContentLoaded", () => {
  const brand = document.querySelector(".bd-sidebar-primary .navbar-brand");
  const item = brand?.closest(".sidebar-primary-item");
  if (item && !item.closest("nav, [role=navigation], header, main, aside, footer")) {
    item.setAttribute("role", "navigation");
    item.setAttribute("aria-label", "Site home");
  }
});
