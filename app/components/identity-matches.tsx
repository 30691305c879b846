import { Form, Link } from "@remix-run/react";

type Match = { id: number; kind: "victim" | "accused"; status: string; otherCaseId: number; otherCode: string };

/** Possible repeat offenders and re-trafficked victims: shown to the secretariat, decided by it. */
export function IdentityMatches({ matches, canDecide }: { matches: Match[]; canDecide: boolean }) {
  return (
    <section className="card restricted" aria-labelledby="matches">
      <h2 id="matches">
        Possible matches with other cases <span className="restricted-label">Secretariat only</span>
      </h2>
      <ul>
        {matches.map((m) => (
          <li key={m.id}>
            {m.kind === "victim" ? "Possible re-trafficked victim" : "Possible repeat offender"}:{" "}
            <Link to={`/cases/${m.otherCaseId}`}>{m.otherCode}</Link>{" "}
            <span
              className={`badge ${m.status === "confirmed" ? "badge--danger" : m.status === "dismissed" ? "badge--closed" : "badge--warn"}`}
            >
              {m.status}
            </span>
            {canDecide && m.status === "pending" ? (
              <span className="actions">
                {(["confirmed", "dismissed"] as const).map((decision) => (
                  <Form method="post" key={decision} className="inline-form">
                    <input type="hidden" name="intent" value="decide-match" />
                    <input type="hidden" name="matchId" value={m.id} />
                    <input type="hidden" name="decision" value={decision} />
                    <button type="submit" className="button button--small button--quiet">
                      {decision === "confirmed" ? "Confirm the match" : "Dismiss"}
                    </button>
                  </Form>
                ))}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
