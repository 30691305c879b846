import type { LinksFunction, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import {
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { LanguageProvider, useT } from "./components/i18n";
import { LanguageSwitch } from "./components/language-switch";
import { useNonce } from "./components/nonce";
import { SignOut } from "./components/sign-out";
import { isOffline } from "./lib/forms";
import { defaultLanguage, htmlLang, type Language, type MessageKey } from "./lib/i18n";
import { labelIn } from "./lib/labels";
import { can, type Permission } from "./lib/permissions";
import { getSessionUser } from "./services/auth.server";
import { requestLanguage } from "./services/language.server";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

const sections: { to: string; label: MessageKey; permission: Permission }[] = [
  { to: "/meetings", label: "nav.meetings", permission: "read:meeting" },
  { to: "/actions", label: "nav.actions", permission: "read:meeting" },
  { to: "/cases", label: "nav.cases", permission: "read:case:own" },
  { to: "/departments", label: "nav.departments", permission: "read:departments" },
  { to: "/reports/outcomes", label: "nav.outcomes", permission: "read:reports" },
  { to: "/reports/accountability", label: "nav.accountability", permission: "read:reports" },
  { to: "/outbox", label: "nav.outbox", permission: "read:outbox" },
  { to: "/redaction", label: "nav.redaction", permission: "read:restricted-fields" },
  { to: "/linkage", label: "nav.linkage", permission: "read:restricted-fields" },
  { to: "/state", label: "nav.state", permission: "read:state" },
  { to: "/state/collectives", label: "nav.collectives", permission: "manage:collectives" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return {
    language: await requestLanguage(request, user),
    user: user && { name: user.name, role: user.role },
    nav: user ? sections.filter((s) => can(user.role, s.permission)).map(({ to, label }) => ({ to, label })) : [],
  };
}

/** A save that failed offline must not reload the header either: that request would fail and show an error page. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  !isOffline(actionResult) && defaultShouldRevalidate;

export function Layout({ children }: { children: ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  // An error thrown by the root loader itself leaves no language: English (India) then.
  const language = root?.language ?? defaultLanguage;
  return (
    <LanguageProvider language={language}>
      <Document language={language} root={root}>
        {children}
      </Document>
    </LanguageProvider>
  );
}

function Document({
  language,
  root,
  children,
}: {
  language: Language;
  root: SerializeFrom<typeof loader> | undefined;
  children: ReactNode;
}) {
  const nonce = useNonce();
  const t = useT();
  return (
    <html lang={htmlLang(language)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("nav.skip")}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="brand" href="/">
              TESTA Desk
            </a>
            {root?.nav.length ? (
              <nav aria-label={t("nav.main")}>
                <ul className="nav">
                  {root.nav.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to}>{t(item.label)}</NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {root?.user ? (
              <SignOut>
                <span>
                  {root.user.name} <span className="muted">({labelIn(language, "role", root.user.role)})</span>
                </span>
                <NavLink to="/account">{t("nav.account")}</NavLink>
                <button type="submit" className="button button--quiet">
                  {t("nav.signOut")}
                </button>
              </SignOut>
            ) : (
              <LanguageSwitch />
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  // When the page answers to JavaScript: `npm run bench:web` times it on a slow link.
  useEffect(() => {
    performance.mark("testa:hydrated");
  }, []);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
