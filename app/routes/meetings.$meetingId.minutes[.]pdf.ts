import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderMinutesPdf } from "#templates/pdf/minutes";
import { getDb } from "~/db.server";
import { can } from "~/lib/permissions";
import { idParam, invariantResponse, parseId } from "~/lib/params";
import { getMeeting } from "~/models/meeting.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { downloadResponse } from "~/services/download.server";
import { guardOrRefuse } from "~/services/identity.server";
import { frozenPdf } from "~/services/frozen-pdf.server";
import { minutesFields, minutesShown } from "~/services/minutes.server";

/** The minutes as circulated (or a version asked for with ?version=N); while still a draft, the draft. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const asked = new URL(request.url).searchParams.get("version");
  const version = asked === null ? undefined : (parseId(asked) ?? -1);
  const drafts = can(user.role, "read:draft-minutes");
  const shown = minutesShown(db, meeting, version, { drafts });
  invariantResponse(
    shown,
    version === undefined && !drafts
      ? "The minutes of this meeting have not been circulated yet."
      : "That version of the minutes does not exist.",
    { status: 404 },
  );
  const { doc, frozen } = shown;
  guardOrRefuse(db, user, "the minutes", minutesFields(doc));
  // A frozen version is rendered once and its bytes kept; the live draft is rendered each time.
  const pdf =
    frozen === null
      ? await renderMinutesPdf(doc)
      : await frozenPdf(db, { meetingId: meeting.id, kind: "minutes", version: frozen }, () => renderMinutesPdf(doc));
  return downloadResponse(db, user, {
    body: pdf,
    contentType: "application/pdf",
    filename: `minutes-meeting-${meeting.number}${version !== undefined ? `-v${version}` : ""}.pdf`,
    inline: true,
    record: { entity: "meeting", entityId: meeting.id },
  });
}
