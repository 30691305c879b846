import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";

const explanations: Record<number, { title: string; body: string }> = {
  400: { title: "That request could not be understood", body: "Check what was entered and try again." },
  403: { title: "Not allowed", body: "Your role does not give access to this page." },
  404: { title: "Not found", body: "There is nothing at this address. It may have been typed wrongly, or removed." },
  409: {
    title: "Stopped to protect identity",
    body: "This document holds a protected name or number, so it was not produced.",
  },
};

/** The one error page for every route: a calm message, never a stack trace. */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = explanations[status] ?? {
    title: "Something went wrong",
    body: "The problem has been noted. Nothing you entered was half-saved; please try again.",
  };
  const detail = isRouteErrorResponse(error) && typeof error.data === "string" && status < 500 ? error.data : null;
  return (
    <div className="page page--narrow">
      <h1>{known.title}</h1>
      <p>{detail ?? known.body}</p>
      <p className="muted">Error {status}</p>
      <p>
        <Link to="/">Go to the start page</Link>
      </p>
    </div>
  );
}
