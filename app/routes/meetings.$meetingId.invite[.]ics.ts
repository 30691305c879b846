import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { getMeeting } from "~/models/meeting.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { downloadResponse } from "~/services/download.server";
import { guardOrRefuse } from "~/services/identity.server";
import { inviteFor } from "~/services/meeting-mail.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: params.meetingId, collectiveId: user.collectiveId });
  guardOrRefuse(db, user, "the calendar invitation", [
    ["the venue", meeting.venue],
    ["the online link", meeting.onlineLink],
  ]);
  return downloadResponse(db, user, {
    body: inviteFor(db, meeting, "PUBLISH"),
    contentType: "text/calendar; charset=utf-8",
    filename: `meeting-${meeting.number}.ics`,
    record: { entity: "meeting", entityId: meeting.id },
  });
}
