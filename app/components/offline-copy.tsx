import { useRevalidator } from "@remix-run/react";
import { useEffect, useState, useSyncExternalStore } from "react";

// A page the offline worker served from this device's copy (it marks the page's <html>) says so,
// with the time it was loaded; once the network is back the page loads itself afresh.

const copyMark = "data-offline-copy";
const noSubscription = () => () => {};

/** True while the page shows the loader data the offline copy was made of (never on the server). */
function useShownFromCopy(loadedAt: string): boolean {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // Read once, on the first render in the browser: the data the copy holds.
  const [copyOf] = useState(() =>
    typeof document !== "undefined" && document.documentElement.hasAttribute(copyMark) ? loadedAt : null,
  );
  // Read, the mark goes: a page reached later, with the network, is no copy.
  useEffect(() => {
    if (copyOf) document.documentElement.removeAttribute(copyMark);
  }, [copyOf]);
  return hydrated && copyOf === loadedAt;
}

/** "Offline copy from …" on a page shown from the device's copy, until fresh data replaces it. */
export function OfflineCopyNotice({ loaded, what }: { loaded: { at: string; label: string }; what: string }) {
  const fromCopy = useShownFromCopy(loaded.at);
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!fromCopy) return;
    window.addEventListener("online", revalidate);
    return () => window.removeEventListener("online", revalidate);
  }, [fromCopy, revalidate]);
  if (!fromCopy) return null;
  return (
    <div className="notice no-print" role="status">
      <strong>Offline copy from {loaded.label}.</strong> This is {what} as last loaded on this device; the network is
      down, so it may be out of date. It loads afresh when the connection is back.
    </div>
  );
}

/** Asks the offline worker to keep this page as it is now (it keeps only the pages the server marked). */
export function keepThisPage() {
  navigator.serviceWorker?.ready.then((r) => r.active?.postMessage({ keep: location.pathname })).catch(() => undefined);
}

let keepTimer: ReturnType<typeof setTimeout> | undefined;
/** After a change reached the server, the kept page is fetched again (once things are quiet). */
export function keepPageSoon() {
  clearTimeout(keepTimer);
  keepTimer = setTimeout(keepThisPage, 3000);
}

/**
 * Keeps this page for a reload without the network once the worker runs: a page load went through
 * the worker (which kept it), but a page reached by a link did not, nor one loaded before a new
 * build's worker took over (it emptied the old cache). `data` is the page's loader data: when it
 * changes (an edit saved), the kept copy is renewed.
 */
export function useKeptForOffline(data?: unknown) {
  useEffect(() => {
    const navigation = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined;
    if (!navigator.serviceWorker?.controller || !navigation || new URL(navigation.name).pathname !== location.pathname)
      keepThisPage();
    navigator.serviceWorker?.addEventListener("controllerchange", keepThisPage);
    return () => navigator.serviceWorker?.removeEventListener("controllerchange", keepThisPage);
  }, []);
  const [seen, setSeen] = useState(data);
  if (seen !== data) {
    setSeen(data);
    if (typeof window !== "undefined") keepPageSoon();
  }
}
