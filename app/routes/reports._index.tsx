import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireUserWithPermission } from "~/services/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "read:reports");
  throw redirect("/reports/outcomes");
}
