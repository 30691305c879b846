import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SelectField, ValidatedForm } from "~/components/form";
import { Pager } from "~/components/pager";
import { getDb } from "~/db.server";
import { auditActionLabels, auditEntityLabels } from "~/lib/audit-labels";
import { label, roleLabels } from "~/lib/labels";
import { parseAuditFilters } from "~/schemas/audit";
import { filterFeedback, filtersPassThrough } from "~/schemas/filters";
import { auditPage } from "~/services/audit-log.server";
import { requireUserWithPermission } from "~/services/auth.server";

export const meta: MetaFunction = () => [{ title: "Audit log · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:audit");
  const params = new URL(request.url).searchParams;
  const { filters, errors } = parseAuditFilters(params);
  const page = auditPage(getDb(), user.collectiveId, filters);
  if (filters.page && filters.page > page.pages)
    errors.page = `There is no page ${filters.page}: the log has ${page.pages}.`;
  // The export takes the filters that were accepted, so a mistyped one does not spoil the download.
  const exported = new URLSearchParams([...params].filter(([k, v]) => k !== "page" && v !== "" && !errors[k]));
  const body = { ...page, errors, exportHref: `/settings/audit.csv${exported.size ? `?${exported}` : ""}` };
  return Object.keys(errors).length ? data(body, { status: 400 }) : body;
}

function ChainStatus({ chain }: { chain: ReturnType<typeof useLoaderData<typeof loader>>["chain"] }) {
  if (chain.ok) {
    return (
      <div className="notice" role="status">
        The chain holds: all {chain.checked} entries are as they were written.
      </div>
    );
  }
  return (
    <div className="form-error" role="alert">
      The chain is broken at entry {chain.brokenId} ({chain.brokenWhen}): {chain.reason}. The {chain.checked} entries
      before it hold. Compare the log with the latest backup and find out who had access to the database file.
    </div>
  );
}

export default function AuditLog() {
  const { rows, total, page, pages, choices, recordShown, chain, errors, exportHref } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const withParams = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    const query = next.toString();
    return query ? `?${query}` : "?";
  };
  return (
    <div>
      <div className="page-head">
        <h1>Audit log</h1>
        <a className="button button--quiet" href={exportHref}>
          Export these entries (CSV)
        </a>
      </div>
      <p className="muted">
        Who did what, and when: every change, every view of restricted fields and every download. Each entry is chained
        to the one before it by a hash, so an entry changed or removed outside the app shows here and in{" "}
        <code>npm run audit:verify</code>.
      </p>
      <ChainStatus chain={chain} />
      <ValidatedForm
        schema={filtersPassThrough}
        method="get"
        className="card filters"
        aria-label="Filter the audit log"
        feedback={filterFeedback(params, errors)}
      >
        <div className="form-row">
          <SelectField
            name="person"
            label="Person"
            placeholder="Anyone"
            options={choices.people.map((p) => ({
              value: String(p.id),
              label: `${p.name} (${label(roleLabels, p.role)})`,
            }))}
          />
          <SelectField
            name="action"
            label="Action"
            placeholder="Any action"
            options={choices.actions.map((a) => ({ value: a, label: label(auditActionLabels, a) }))}
          />
          <SelectField
            name="entity"
            label="Record"
            placeholder="Any record"
            options={choices.entities.map((e) => ({ value: e, label: label(auditEntityLabels, e) }))}
          />
          <Field name="from" label="From" type="date" />
          <Field name="to" label="To" type="date" />
          {params.get("record") && !errors.record ? (
            <input type="hidden" name="record" value={params.get("record") ?? ""} />
          ) : null}
          <div className="field">
            <button type="submit" className="button">
              Filter
            </button>
          </div>
        </div>
        {recordShown ? (
          <p>
            Only entries about <strong>{recordShown}</strong>.{" "}
            <Link to={withParams({ record: null, page: null })}>Show every record of this kind</Link>
          </p>
        ) : null}
        {params.toString() ? <Link to="/settings/audit">Clear filters</Link> : null}
      </ValidatedForm>
      <p role="status">
        {total} {total === 1 ? "entry" : "entries"}
        {pages > 1 ? `, page ${page} of ${pages}` : ""}.
      </p>
      {rows.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Audit entries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">Action</th>
                <th scope="col">Record</th>
                <th scope="col">Detail</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{r.when}</td>
                  <td>
                    {r.who}
                    {r.role ? <div className="muted">{r.role}</div> : null}
                  </td>
                  <td>{r.action}</td>
                  <td>
                    {r.entityId !== null ? (
                      <Link to={withParams({ entity: r.entity, record: String(r.entityId), page: null })}>
                        {r.record}
                      </Link>
                    ) : (
                      r.record
                    )}
                  </td>
                  <td>{r.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">
          {params.toString() ? (
            <>
              No entry matches these filters. <Link to="/settings/audit">Show every entry</Link>
            </>
          ) : (
            "Nothing has been recorded yet."
          )}
        </p>
      )}
      <Pager page={page} pages={pages} previous="← Newer entries" next="Older entries →" />
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
