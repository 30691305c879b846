import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { getMeeting } from "~/models/meeting.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { downloadResponse } from "~/services/download.server";
import { guardOrRefuse } from "~/services/identity.server";
import { inviteText } from "~/lib/invite-text";
import { inviteFor } from "~/services/meeting-mail.server";
import { idParam } from "~/lib/params";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  // The whole invite as it will leave, after every value is put in; the venue and link are named first.
  const ics = inviteFor(db, meeting, "PUBLISH");
  guardOrRefuse(db, user, "the calendar invitation", [
    ["the venue", meeting.venue],
    ["the online link", meeting.onlineLink],
    ["the invitation", inviteText(ics)],
  ]);
  return downloadResponse(db, user, {
    body: ics,
    contentType: "text/calendar; charset=utf-8",
    filename: `meeting-${meeting.number}.ics`,
    record: { entity: "meeting", entityId: meeting.id },
  });
}
