import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { getOutboxMessage, storedAttachments } from "~/models/outbox.server";
import { requireUserWithPermission } from "~/services/auth.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:outbox");
  const row = getOutboxMessage(getDb(), user.collectiveId, params.messageId);
  const attachment = storedAttachments(row)[Number(params.index)];
  if (!attachment) throw new Response("Attachment not found", { status: 404 });
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Disposition": `attachment; filename="${attachment.filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
