import { itemStatusLabels } from "~/lib/labels";
import { discardKept } from "./offline-capture";

export type ItemConflict = {
  discussion: string | null;
  decisions: string | null;
  status: string | null;
  minutesUsed: number | null;
  version: number;
};

/**
 * A colleague saved the item first: their version beside the person's own (still in the boxes).
 * Nothing is overwritten silently: the person keeps theirs by saving, or takes the colleague's.
 */
export function ItemConflictView({
  itemId,
  number,
  conflict,
  message,
  keptOnDevice,
}: {
  itemId: number;
  number: number;
  conflict: ItemConflict;
  message: string | undefined;
  /** The refused save is one kept on this device while offline (it must go if theirs is taken). */
  keptOnDevice: boolean;
}) {
  return (
    <div className="conflict" role="alert">
      <strong>{message}</strong>
      <p>Their version (saved):</p>
      <dl className="facts">
        <dt>Discussion</dt>
        <dd className="mail-text">{conflict.discussion || "(empty)"}</dd>
        <dt>Decisions</dt>
        <dd className="mail-text">{conflict.decisions || "(empty)"}</dd>
        <dt>Status</dt>
        <dd>{itemStatusLabels[conflict.status ?? ""] ?? conflict.status}</dd>
        <dt>Minutes used</dt>
        <dd>{conflict.minutesUsed ?? "not recorded"}</dd>
      </dl>
      <p>
        Yours is in the boxes below; autosave waits until you choose. <strong>Save item {number} to keep yours</strong>,
        or{" "}
        <a
          href="?"
          onClick={(event) => {
            if (!keptOnDevice) return;
            // Theirs wins: the save kept on this device goes, or the reload would bring it back.
            event.preventDefault();
            void discardKept(`item:${itemId}`).then(() => window.location.reload());
          }}
        >
          take theirs
        </a>{" "}
        (reloads the page).
      </p>
    </div>
  );
}
