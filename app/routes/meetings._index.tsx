import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~/db.server";
import { formatDateTime } from "~/lib/dates";
import { can } from "~/lib/permissions";
import { getCollective } from "~/models/collective.server";
import { listMeetings } from "~/models/meeting.server";
import { requireUserWithPermission } from "~/services/auth.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MeetingStatus } from "~/components/meeting-status";
import { minutesStateLabels } from "~/lib/labels";

export const meta: MetaFunction = () => [{ title: "Meetings · TESTA Desk" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "read:meeting");
  const db = getDb();
  const collective = getCollective(db, user.collectiveId);
  const now = new Date().toISOString();
  const rows = listMeetings(db, user.collectiveId).map((m) => ({
    id: m.id,
    number: m.number,
    when: formatDateTime(m.startsAt, collective.timeZone),
    where: [m.venue, m.onlineLink ? "Online" : null].filter(Boolean).join(" and "),
    status: m.status,
    minutes: m.status === "held" ? minutesStateLabels[m.minutesState] : null,
    upcoming: m.startsAt >= now && m.status !== "held",
  }));
  return {
    canSchedule: can(user.role, "write:meeting"),
    canConfigure: can(user.role, "manage:collective"),
    upcoming: rows.filter((m) => m.upcoming).reverse(),
    past: rows.filter((m) => !m.upcoming),
  };
}

function MeetingTable({
  caption,
  rows,
  withMinutes = false,
}: {
  caption: string;
  rows: ReturnType<typeof useLoaderData<typeof loader>>["past"];
  withMinutes?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Meeting</th>
            <th scope="col">When</th>
            <th scope="col">Where</th>
            <th scope="col">Status</th>
            {withMinutes ? <th scope="col">Minutes</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.id}>
              <td className="nowrap">
                <Link to={`/meetings/${m.id}`}>Meeting {m.number}</Link>
              </td>
              <td className="nowrap">{m.when}</td>
              <td>{m.where}</td>
              <td>
                <MeetingStatus status={m.status} />
              </td>
              {withMinutes ? <td>{m.minutes ?? "—"}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function Meetings() {
  const { upcoming, past, canSchedule, canConfigure } = useLoaderData<typeof loader>();
  return (
    <div>
      <div className="page-head">
        <h1>Meetings</h1>
        <div className="actions">
          {canConfigure ? (
            <Link className="button button--quiet" to="/settings/agenda">
              Agenda rules
            </Link>
          ) : null}
          {canSchedule ? (
            <Link className="button" to="/meetings/new">
              Schedule next meeting
            </Link>
          ) : null}
        </div>
      </div>
      <section aria-labelledby="upcoming">
        <h2 id="upcoming">Upcoming</h2>
        {upcoming.length ? (
          <MeetingTable caption="Upcoming meetings" rows={upcoming} />
        ) : (
          <p className="empty">
            No meeting is scheduled yet.{canSchedule ? " Use “Schedule next meeting” to propose one." : ""}
          </p>
        )}
      </section>
      <section aria-labelledby="past">
        <h2 id="past">Past</h2>
        {past.length ? (
          <MeetingTable caption="Past meetings" rows={past} withMinutes />
        ) : (
          <p className="empty">No meetings have been held yet.</p>
        )}
      </section>
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
