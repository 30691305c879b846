import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { isLanguage, translator } from "~/lib/i18n";

// Every address no other route claims lands here, so it gets the app's own 404 page (the router's
// would say "No route matches URL" and log a stack trace). The request's own log line says 404,
// with the route pattern, never the address: an address may carry whatever was typed.
export const meta: MetaFunction = ({ matches }) => {
  const root = matches.find((m) => m.id === "root")?.data as { language?: unknown } | undefined;
  const language = isLanguage(root?.language) ? root.language : "en-IN";
  return [{ title: `${translator(language)("errorPage.notFoundTitle")} · TESTA Desk` }];
};

// The body is a catalogue key: the error page writes it in the reader's language.
function notFound(): never {
  throw new Response("errorPage.notFoundBody", { status: 404 });
}

export const loader = (_: LoaderFunctionArgs) => notFound();
export const action = (_: ActionFunctionArgs) => notFound();

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
