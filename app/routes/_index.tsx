import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { homePathFor } from "~/lib/permissions";
import { requireUser } from "~/services/auth.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  throw redirect(homePathFor(user.role));
}
