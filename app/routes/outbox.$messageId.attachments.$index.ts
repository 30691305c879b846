import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/db.server";
import { getOutboxMessage, storedAttachments } from "~/models/outbox.server";
import { requireUserWithPermission } from "~/services/auth.server";

/** One stored attachment of an outbox message, as a download under the name it was sent with. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:outbox");
  const row = getOutboxMessage(getDb(), user.collectiveId, params.messageId);
  const attachment = /^\d{1,4}$/.test(params.index ?? "") ? storedAttachments(row)[Number(params.index)] : undefined;
  if (!attachment) throw new Response("Attachment not found", { status: 404 });
  const asciiName = attachment.filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "Content-Type": attachment.contentType,
      "Content-Length": String(attachment.content.length),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.filename)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
