import { getDb } from "~/db.server";
import { countCollectives } from "~/models/collective.server";

// A real read of the database: 200 only when it answers.
export async function loader() {
  try {
    countCollectives(getDb());
    return Response.json({ ok: true }, { headers: { "Cache-Control": "no-store" } });
  } catch {
    return Response.json(
      { ok: false, error: "database unavailable" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
