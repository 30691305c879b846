import { OverdueBadge } from "./overdue";

const words: Record<string, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  blocked: "Blocked",
  dropped: "Dropped",
};

export function ActionStatus({
  status,
  overdue,
  escalated,
}: {
  status: string;
  overdue?: boolean;
  escalated?: boolean;
}) {
  return (
    <>
      <span
        className={`badge ${status === "done" ? "badge--open" : status === "dropped" ? "badge--closed" : status === "blocked" ? "badge--warn" : ""}`}
      >
        {words[status] ?? status}
      </span>
      {overdue ? <OverdueBadge /> : null}
      {escalated ? <span className="badge badge--danger">Escalated</span> : null}
    </>
  );
}

export const actionStatusWords = words;
