// theme-early.js is a tiny blocking script for <head>: it applies the
// remembered theme and font size before the page is first painted, so a
// dark or projector page never flashes light. The main bundle does the rest.
try {
  const root = document.documentElement;
  const theme = JSON.parse(localStorage.getItem("tour.theme") || "null");
  if (theme) root.dataset.theme = theme;
  const scale = JSON.parse(localStorage.getItem("tour.fontScale") || "null");
  if (scale) root.style.setProperty("--font-scale", scale);
  if (new URLSearchParams(location.search).has("presenter") || localStorage.getItem("tour.presenter")) root.classList.add("presenter");
} catch {
  // Without storage the page keeps the template's theme.
}
