import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { getDb } from "~/db.server";
import { can } from "~/lib/permissions";
import { getCollective } from "~/models/collective.server";
import { archiveFileName } from "~/services/archive.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Archive of the collective · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "manage:collective");
  const collective = getCollective(getDb(), user.collectiveId);
  return {
    name: collective.name,
    fileName: archiveFileName(collective.districtCode, new Date()),
    mayIncludeRestricted: can(user.role, "read:restricted-fields"),
  };
}

export default function ArchiveSettings() {
  const { name, fileName, mayIncludeRestricted } = useLoaderData<typeof loader>();
  return (
    <div className="page page--narrow">
      <p>
        <Link to="/departments">Departments</Link>
      </p>
      <h1>Archive of the collective</h1>
      <p>
        The whole record of {name}, to hand over (to a government department, when the district leaves the programme) or
        to keep, in a form that outlives this software: one zip file of spreadsheets and PDFs.
      </p>
      <ul>
        <li>
          A CSV for each kind of record: cases, accused (by number on the case), events, victims by code with the
          services they received, departments, seats and tenures, meetings, agenda items, attendance, minutes versions,
          action items and their history.
        </li>
        <li>The outcomes figures and the accountability matrix, by department and by tenure.</li>
        <li>
          Every published agenda and every circulated version of the minutes, and each department's current onboarding
          brief, as PDF.
        </li>
        <li>
          <code>manifest.json</code>: every file with its SHA-256 (to check that nothing was changed), the product
          version, the collective, the date, and what was left out and why.
        </li>
      </ul>
      <p>
        A victim's identity is never in it: victims appear by pseudonym code only, and any protected name, place or
        number found in typed text is replaced by its stand-in (her code). Identity fingerprints, passwords and emails
        stay here.
      </p>
      <form method="get" action="/settings/archive.zip" className="card">
        {mayIncludeRestricted ? (
          <div className="field">
            <label className="checkbox">
              <input type="checkbox" name="restricted" value="yes" /> Include restricted fields (FIR numbers and years,
              accused persons' names, event notes)
            </label>
            <span className="hint">
              Only for a body entitled to them. The manifest says whether they are in; either way the export is written
              to the audit log.
            </span>
          </div>
        ) : null}
        <button type="submit" className="button">
          Download {fileName}
        </button>
        <p className="muted">
          It is written while it downloads; a large collective takes a minute or more. On the server,{" "}
          <code>npm run archive -- OUT.zip</code> writes the same file.
        </p>
      </form>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
