import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, SelectField, ValidatedForm } from "~/components/form";
import { caseStages } from "#db/schema/enums";
import { getDb } from "~/db.server";
import { caseClocks, mostUrgentClock } from "~/lib/clocks";
import { formatDate, todayIn } from "~/lib/dates";
import { label, stageLabels } from "~/lib/labels";
import { can, scopeOf, seesRestricted } from "~/lib/permissions";
import { audit } from "~/models/audit.server";
import { listCases } from "~/models/case-register.server";
import { clockInputs, unknownDepartments } from "~/models/case.server";
import { listDepartmentNames } from "~/models/department.server";
import { getCollective } from "~/models/collective.server";
import { parseCaseFilters } from "~/schemas/case";
import { filterFeedback, filtersPassThrough } from "~/schemas/filters";
import { maskForReader } from "~/services/page-mask.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { plural } from "~/lib/plural";

export const meta: MetaFunction = () => [{ title: "Cases · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:case:own");
  const db = getDb();
  const { filters, errors } = parseCaseFilters(new URL(request.url).searchParams);
  if (filters.department && unknownDepartments(db, user.collectiveId, [filters.department]).length) {
    errors.department = "Choose a department from the list.";
    delete filters.department;
  }
  const canSearchFir = seesRestricted(user.role);
  if (filters.fir && !canSearchFir) {
    errors.fir = "Only the secretariat and the administrator can search by FIR number.";
    delete filters.fir;
  }
  const today = todayIn(getCollective(db, user.collectiveId).timeZone);
  let list = listCases(db, user, filters, today);
  // A search by FIR number touches a restricted field: who searched is audited, never the number.
  if (filters.fir)
    audit(db, {
      collectiveId: user.collectiveId,
      userId: user.id,
      action: "search:fir",
      entity: "case",
      detail: plural(list.total, "case found", "cases found"),
    });
  if (list.page > list.pages) {
    errors.page = `There is no page ${list.page}: the list has ${list.pages}.`;
    list = listCases(db, user, { ...filters, page: 1 }, today);
  }
  const inputs = clockInputs(
    db,
    list.rows.map((r) => r.id),
  );
  const rows = list.rows.map(({ chargesheetLimitDays, outcome, ...row }) => {
    const clocks = caseClocks({ outcome, chargesheetLimitDays, ...inputs.get(row.id)! }, today);
    // A closed case keeps only the appeal window: its hearings and chargesheet are behind it.
    const flag = mostUrgentClock(row.status === "open" ? clocks : clocks.filter((k) => k.kind === "appeal"));
    return {
      ...row,
      nextDate: formatDate(row.nextDate),
      flag: flag ? { short: flag.short, label: flag.label, severity: flag.severity } : null,
    };
  });
  const body = {
    rows,
    total: list.total,
    page: list.page,
    pages: list.pages,
    errors,
    departments: listDepartmentNames(db, user.collectiveId),
    canCreate: can(user.role, "write:case"),
    canSearchFir,
    scoped: scopeOf(user.role, "read:case") === "own",
  };
  const masked = maskForReader(db, user, body);
  return Object.keys(errors).length ? data(masked, { status: 400 }) : masked;
}

export default function Cases() {
  const { rows, total, page, pages, errors, departments, canCreate, canSearchFir, scoped } =
    useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const pageLink = (n: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(n));
    return `?${next.toString()}`;
  };
  return (
    <div>
      <div className="page-head">
        <h1>Cases</h1>
        {canCreate ? (
          <Link className="button" to="/cases/new">
            Register a case
          </Link>
        ) : null}
      </div>
      {scoped ? <p className="muted">You see the cases your department is involved in.</p> : null}
      {errors.fir && !canSearchFir ? (
        <div className="form-error" role="alert">
          {errors.fir}
        </div>
      ) : null}
      <ValidatedForm
        schema={filtersPassThrough}
        method="get"
        className="card filters"
        aria-label="Filter cases"
        feedback={filterFeedback(params, errors)}
      >
        <div className="form-row">
          <Field
            name="q"
            label="Search"
            type="search"
            hint="Case code, police station, court case number, section or stage"
          />
          {canSearchFir ? (
            <Field
              name="fir"
              label="FIR number"
              type="search"
              hint="Restricted: each search is recorded in the audit log, without the number"
            />
          ) : null}
          <SelectField
            name="stage"
            label="Stage"
            placeholder="Any stage"
            options={caseStages.map((s) => ({ value: s, label: label(stageLabels, s) }))}
          />
          <SelectField
            name="status"
            label="Status"
            placeholder="Open and closed"
            options={[
              { value: "open", label: "Open" },
              { value: "closed", label: "Closed" },
            ]}
          />
          <SelectField
            name="department"
            label="Department"
            placeholder="Any department"
            options={departments.map((d) => ({ value: String(d.id), label: d.name }))}
          />
          <Field name="from" label="Next hearing from" type="date" />
          <Field name="to" label="Next hearing to" type="date" />
          <div className="field">
            <button type="submit" className="button">
              Filter
            </button>
          </div>
        </div>
        {params.toString() ? <Link to="/cases">Clear filters</Link> : null}
      </ValidatedForm>
      <p role="status">
        {plural(total, "case", "cases")}
        {pages > 1 ? `, page ${page} of ${pages}` : ""}.
      </p>
      {rows.length ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Cases</caption>
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Stage</th>
                <th scope="col">Status</th>
                <th scope="col">Police station</th>
                <th scope="col">Lead department</th>
                <th scope="col">Next date</th>
                <th scope="col">Clock</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" className="nowrap">
                    <Link to={`/cases/${r.id}`}>{r.code}</Link>
                  </th>
                  <td>{label(stageLabels, r.stage)}</td>
                  <td>
                    <span className={`badge badge--${r.status}`}>{r.status === "open" ? "Open" : "Closed"}</span>
                  </td>
                  <td>{r.policeStation}</td>
                  <td>{r.leadDepartment ?? ""}</td>
                  <td>{r.nextDate}</td>
                  <td>
                    {r.flag ? (
                      <span className={`badge badge--${r.flag.severity}`} title={r.flag.label}>
                        {r.flag.short}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">
          {params.toString() ? (
            <>
              No case matches these filters. <Link to="/cases">Show all cases</Link>
            </>
          ) : scoped ? (
            "No case involving your department is registered yet."
          ) : (
            "No case is registered yet."
          )}
        </p>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="actions">
          {page > 1 ? <Link to={pageLink(page - 1)}>← Previous page</Link> : null}
          {page < pages ? <Link to={pageLink(page + 1)}>Next page →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
