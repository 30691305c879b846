import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

// The offline worker (/sw.js) keeps the run page and its files for a meeting without a network.
// This module may run after the page's load event: then it registers at once.
const registerWorker = () => void navigator.serviceWorker.register("/sw.js").catch(() => undefined);
if ("serviceWorker" in navigator) {
  if (document.readyState === "complete") registerWorker();
  else window.addEventListener("load", registerWorker);
}
