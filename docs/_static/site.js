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
