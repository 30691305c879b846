import { useRevalidator } from "@remix-run/react";
import { useEffect } from "react";

/** Asks the loader again every second while `active`: a progress page follows its job with JavaScript (without it, a refresh link). */
export function usePoll(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), 1000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
}
