import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
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
import { useNonce } from "./components/nonce";
import { SignOut } from "./components/sign-out";
import { isOffline } from "./lib/forms";
import { can, type Permission } from "./lib/permissions";
import { getSessionUser } from "./services/auth.server";
import stylesheet from "./styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

const sections: { to: string; label: string; permission: Permission }[] = [
  { to: "/meetings", label: "Meetings", permission: "read:meeting" },
  { to: "/actions", label: "Actions", permission: "read:meeting" },
  { to: "/cases", label: "Cases", permission: "read:case:own" },
  { to: "/departments", label: "Departments", permission: "read:departments" },
  { to: "/reports/outcomes", label: "Outcomes", permission: "read:reports" },
  { to: "/reports/accountability", label: "Accountability", permission: "read:reports" },
  { to: "/outbox", label: "Outbox", permission: "read:outbox" },
  { to: "/redaction", label: "Redaction", permission: "read:restricted-fields" },
  { to: "/linkage", label: "Other districts", permission: "read:restricted-fields" },
  { to: "/state", label: "State", permission: "read:state" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getSessionUser(request);
  return {
    user: user && { name: user.name, role: user.role },
    nav: user ? sections.filter((s) => can(user.role, s.permission)).map(({ to, label }) => ({ to, label })) : [],
  };
}

/** A save that failed offline must not reload the header either: that request would fail and show an error page. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  !isOffline(actionResult) && defaultShouldRevalidate;

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const root = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="en-IN">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <a className="brand" href="/">
              TESTA Desk
            </a>
            {root?.nav.length ? (
              <nav aria-label="Main">
                <ul className="nav">
                  {root.nav.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to}>{item.label}</NavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            ) : null}
            {root?.user ? (
              <SignOut>
                <span>
                  {root.user.name} <span className="muted">({root.user.role})</span>
                </span>
                <button type="submit" className="button button--quiet">
                  Sign out
                </button>
              </SignOut>
            ) : null}
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
