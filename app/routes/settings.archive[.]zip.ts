import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { config } from "~/config.server";
import { getDb } from "~/db.server";
import { can } from "~/lib/permissions";
import { exportArchive } from "~/services/archive.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { downloadHeaders } from "~/services/download.server";

/** The archive as a download (?restricted=yes for restricted fields), streamed as it is written; audited, with whether restricted fields are in it. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collective");
  const restricted = new URL(request.url).searchParams.get("restricted") === "yes";
  if (restricted && !can(user.role, "read:restricted-fields"))
    throw new Response("Your role does not give access to restricted fields.", { status: 403 });
  const { stream, fileName } = exportArchive(getDb(), {
    databasePath: config().DATABASE_PATH,
    collectiveId: user.collectiveId,
    restricted,
    by: { userId: user.id, name: user.name },
  });
  return new Response(createReadableStreamFromReadable(stream), {
    headers: downloadHeaders({ contentType: "application/zip", filename: fileName }),
  });
}
