import type { LoaderFunctionArgs } from "@remix-run/node";
import { renderAgendaPdf, type AgendaDocument } from "#templates/pdf/agenda";
import { getDb } from "~/db.server";
import { getMeeting, publishedAgendaVersions } from "~/models/meeting.server";
import { agendaFields, buildAgendaDocument } from "~/services/agenda-document.server";
import { downloadResponse } from "~/services/download.server";
import { frozenPdf } from "~/services/frozen-pdf.server";
import { guardOrRefuse } from "~/services/identity.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { agendaPdfName } from "~/services/meeting-mail.server";
import { idParam } from "~/lib/params";

/** The published agenda as sent; before publication, the current draft, marked as a draft. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:meeting");
  const db = getDb();
  const meeting = getMeeting(db, { id: idParam(params, "meetingId"), collectiveId: user.collectiveId });
  const published = publishedAgendaVersions(db, meeting.id)[0];
  const doc = published ? (JSON.parse(published.itemsJson) as AgendaDocument) : buildAgendaDocument(db, meeting);
  guardOrRefuse(db, user, "the agenda", agendaFields(doc));
  // A published version is rendered once and its bytes kept; the draft is rendered each time.
  const pdf = published
    ? await frozenPdf(db, { meetingId: meeting.id, kind: "agenda", version: published.version }, () =>
        renderAgendaPdf(doc, { draft: false }),
      )
    : await renderAgendaPdf(doc, { draft: true });
  return downloadResponse(db, user, {
    body: pdf,
    contentType: "application/pdf",
    filename: agendaPdfName(meeting),
    inline: true,
    record: { entity: "meeting", entityId: meeting.id },
  });
}
