import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";

// Every address no other route claims lands here, so it gets the app's own 404 page (the router's
// would say "No route matches URL" and log a stack trace). One log line, with the first part of the
// path only: the rest of an address may carry whatever was typed.
export const meta: MetaFunction = () => [{ title: "Not found · TESTA Desk" }];

function notFound(request: Request): never {
  const parts = new URL(request.url).pathname.split("/").filter(Boolean);
  console.warn(`404 ${request.method} /${(parts[0] ?? "").slice(0, 40)}${parts.length > 1 ? "/…" : ""}`);
  throw new Response("There is nothing at this address. It may have been typed wrongly, or removed.", { status: 404 });
}

export const loader = ({ request }: LoaderFunctionArgs) => notFound(request);
export const action = ({ request }: ActionFunctionArgs) => notFound(request);

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
