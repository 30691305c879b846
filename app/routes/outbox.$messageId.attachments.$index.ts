import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { getOutboxMessage, storedAttachments } from "~/models/outbox.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { downloadResponse } from "~/services/download.server";
import { idParam, invariantResponse } from "~/lib/params";

/** One stored attachment of an outbox message, as a download under the name it was sent with. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:outbox");
  const db = getDb();
  const row = getOutboxMessage(db, user.collectiveId, idParam(params, "messageId"));
  // An attachment's place in the message, counted from 0: digits only, as the outbox page links it.
  const attachment = /^\d{1,4}$/.test(params.index ?? "") ? storedAttachments(row)[Number(params.index)] : undefined;
  invariantResponse(attachment, "Attachment not found", { status: 404 });
  return downloadResponse(db, user, {
    body: attachment.content,
    contentType: attachment.contentType,
    filename: attachment.filename,
    record: { entity: "mail", entityId: row.id },
  });
}
