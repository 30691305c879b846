import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";

// Every address no other route claims lands here, so it gets the app's own 404 page (the router's
// would say "No route matches URL" and log a stack trace). The request's own log line says 404,
// with the route pattern, never the address: an address may carry whatever was typed.
export const meta: MetaFunction = () => [{ title: "Not found · TESTA Desk" }];

function notFound(): never {
  throw new Response("There is nothing at this address. It may have been typed wrongly, or removed.", { status: 404 });
}

export const loader = (_: LoaderFunctionArgs) => notFound();
export const action = (_: ActionFunctionArgs) => notFound();

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
