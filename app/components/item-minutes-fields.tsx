import { useEffect, useState, useSyncExternalStore } from "react";
import { RewriteOffer } from "./form";

// The boxes of one agenda item's minutes on the run page: the texts with their limits, and the timer.

const noSubscription = () => () => {};
/** False on the server and while hydrating, true once the browser runs the page. */
function useHydrated() {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** Time used against time allotted; marks an overrun. Needs JavaScript; without it, type the minutes. */
export function ItemTimer({ allotted, onUse }: { allotted: number; onUse: (minutes: number) => void }) {
  const [running, setRunning] = useState(false);
  const [seconds, setSeconds] = useState(0);
  const hydrated = useHydrated();
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(t);
  }, [running]);
  if (!hydrated) return null;
  const over = seconds > allotted * 60;
  const mmss = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
  return (
    <div className="actions">
      <span className={`timer${over ? " timer--over" : ""}`} role="timer" aria-live="off">
        {mmss} of {allotted}:00{over ? ` (over by ${Math.ceil((seconds - allotted * 60) / 60)} min)` : ""}
      </span>
      <button type="button" className="button button--small button--quiet" onClick={() => setRunning((r) => !r)}>
        {running ? "Pause timer" : seconds ? "Resume timer" : "Start timer"}
      </button>
      <button
        type="button"
        className="button button--small button--quiet"
        onClick={() => onUse(Math.max(1, Math.round(seconds / 60)))}
        disabled={!seconds}
      >
        Record time used
      </button>
    </div>
  );
}

/** A minutes text box with its limit and a live count beside it, and its refusal under it. */
export function MinutesText({
  itemId,
  name,
  label,
  limit,
  defaultValue,
  error,
  rewrite,
}: {
  itemId: number;
  name: "discussion" | "decisions";
  label: string;
  limit: number;
  defaultValue: string;
  error?: string;
  rewrite?: string;
}) {
  const [length, setLength] = useState(defaultValue.length);
  const id = `${name}-${itemId}`;
  const over = length > limit;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        name={name}
        defaultValue={defaultValue}
        onInput={(e) => setLength(e.currentTarget.value.length)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-count${error ? ` ${id}-error` : ""}`}
      />
      <span id={`${id}-count`} className={`hint${over ? " field-error" : ""}`}>
        {length.toLocaleString("en-IN")} of {limit.toLocaleString("en-IN")} characters
        {over ? `: ${(length - limit).toLocaleString("en-IN")} too many` : ""}
      </span>
      {error ? (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      ) : null}
      <RewriteOffer name={name} rewrite={rewrite} from={defaultValue} />
    </div>
  );
}
