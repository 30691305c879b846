import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { destroySessionCookie } from "~/services/auth.server";

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/login", { headers: { "Set-Cookie": await destroySessionCookie(request) } });
}

export async function loader() {
  return redirect("/login");
}
