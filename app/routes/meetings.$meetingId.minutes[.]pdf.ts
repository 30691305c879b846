import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderMinutesPdf } from "#templates/pdf/minutes";
import { getDb } from "~/db.server";
import { getMeeting } from "~/models/meeting.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { guardOrRefuse } from "~/services/identity.server";
import { buildMinutesDocument, minutesFields } from "~/services/minutes.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: params.meetingId, collectiveId: user.collectiveId });
  const { departmentIdOf: _ids, ...doc } = buildMinutesDocument(db, meeting);
  guardOrRefuse(db, user, "the minutes", minutesFields(doc));
  const pdf = await renderMinutesPdf(doc);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="minutes-meeting-${meeting.number}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
