// page_style.js: links page.css into the page itself (once per page load), for the styles of
// Streamlit's own elements, which no component's shadow root reaches.
export default function () {
  if (document.getElementById("ptce-page-css")) return;
  const link = document.createElement("link");
  link.id = "ptce-page-css";
  link.rel = "stylesheet";
  link.href = new URL(`./page.css${new URL(import.meta.url).search}`, import.meta.url).href;
  document.head.append(link);
}
