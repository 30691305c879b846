import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import type { MessageKey } from "~/lib/i18n";
import { useT, useTranslated } from "./i18n";

const explanations: Record<number, { title: MessageKey; body: MessageKey }> = {
  400: { title: "errorPage.badRequestTitle", body: "errorPage.badRequestBody" },
  403: { title: "errorPage.forbiddenTitle", body: "errorPage.forbiddenBody" },
  404: { title: "errorPage.notFoundTitle", body: "errorPage.notFoundBody" },
  409: { title: "errorPage.protectedTitle", body: "errorPage.protectedBody" },
};
const failed = { title: "errorPage.failedTitle", body: "errorPage.failedBody" } as const;

/**
 * The one error page for every route: a calm message in the reader's language, never a stack
 * trace. A route's own explanation (the body of the response it threw) is shown instead of the
 * general one; written as a catalogue key it is translated too.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const translated = useTranslated();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = explanations[status] ?? failed;
  const detail = isRouteErrorResponse(error) && typeof error.data === "string" && status < 500 ? error.data : null;
  return (
    <div className="page page--narrow">
      <h1>{t(known.title)}</h1>
      <p>{detail ? translated(detail) : t(known.body)}</p>
      <p className="muted">{t("errorPage.code", { status })}</p>
      <p>
        <Link to="/">{t("errorPage.home")}</Link>
      </p>
    </div>
  );
}
