import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { getOutboxMessage, storedAttachments } from "~/models/outbox.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { downloadResponse } from "~/services/download.server";

/** One stored attachment of an outbox message, as a download under the name it was sent with. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:outbox");
  const db = getDb();
  const row = getOutboxMessage(db, user.collectiveId, params.messageId);
  const attachment = /^\d{1,4}$/.test(params.index ?? "") ? storedAttachments(row)[Number(params.index)] : undefined;
  if (!attachment) throw new Response("Attachment not found", { status: 404 });
  return downloadResponse(db, user, { body: attachment.content, contentType: attachment.contentType, filename: attachment.filename, record: { entity: "mail", entityId: row.id } });
}
