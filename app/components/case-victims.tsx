import { formatDate } from "~/lib/dates";
import type { IndexResult } from "~/lib/participation";

/** A victim as the case page lists them: by pseudonym code, with what the system delivered. */
type Victim = {
  id: number;
  code: string;
  ageBand: string;
  minor: boolean;
  legalAidAssignedOn: string | null;
  educationEnrolled: boolean;
  livelihoodSupport: boolean;
  compensationAppliedOn: string | null;
  compensationReceivedOn: string | null;
  inShelter: boolean;
  testifiedInProtectionRoom: boolean;
  supportPersonAtTestimony: boolean;
  lastInformedOn: string | null;
  heardAtBail: boolean | null;
  escortedWhenSummoned: boolean | null;
  threatReported: boolean;
  threatActedOn: boolean;
};

const ageBandLabel = (b: string) =>
  ({
    under_12: "Under 12",
    "12_15": "12–15",
    "16_17": "16–17",
    "18_25": "18–25",
    "26_35": "26–35",
    "36_plus": "36 and over",
  })[b] ?? b;

/** The case page's victims: what the system has delivered to each, and the participation index. */
export function CaseVictims({
  victims,
  participation,
}: {
  victims: Victim[];
  participation: Record<number, IndexResult | undefined>;
}) {
  return (
    <section className="card" aria-labelledby="victims">
      <h2 id="victims">Victims</h2>
      <p className="muted">
        By pseudonym code only. Nothing that could identify a victim is recorded here. The participation index (0–100)
        measures what the system delivered to the victim, not the victim.
      </p>
      {victims.length ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Code</th>
                <th scope="col">Age band</th>
                <th scope="col">What the system has delivered</th>
                <th scope="col">Participation index</th>
              </tr>
            </thead>
            <tbody>
              {victims.map((v) => (
                <tr key={v.id}>
                  <th scope="row" className="nowrap">
                    {v.code}
                  </th>
                  <td>
                    {ageBandLabel(v.ageBand)}
                    {v.minor ? " (minor)" : ""}
                  </td>
                  <td>
                    <ul className="compact">
                      <li>
                        Legal aid:{" "}
                        {v.legalAidAssignedOn ? `lawyer since ${formatDate(v.legalAidAssignedOn)}` : "not assigned"}
                      </li>
                      <li>
                        Education or livelihood:{" "}
                        {[v.educationEnrolled ? "education" : null, v.livelihoodSupport ? "livelihood" : null]
                          .filter(Boolean)
                          .join(", ") || "none"}
                      </li>
                      <li>
                        Compensation:{" "}
                        {v.compensationReceivedOn
                          ? `received ${formatDate(v.compensationReceivedOn)}`
                          : v.compensationAppliedOn
                            ? `applied ${formatDate(v.compensationAppliedOn)}`
                            : "not applied"}
                      </li>
                      <li>Shelter: {v.inShelter ? "yes" : "no"}</li>
                      <li>
                        Testimony:{" "}
                        {[
                          v.testifiedInProtectionRoom ? "protection room" : null,
                          v.supportPersonAtTestimony ? "support person" : null,
                        ]
                          .filter(Boolean)
                          .join(", ") || "neither recorded"}
                      </li>
                      <li>
                        Last informed of progress: {v.lastInformedOn ? formatDate(v.lastInformedOn) : "not recorded"}
                      </li>
                      <li>
                        Bail hearings:{" "}
                        {v.heardAtBail === null ? "no hearing yet" : v.heardAtBail ? "heard" : "not heard"}
                      </li>
                      <li>
                        When summoned:{" "}
                        {v.escortedWhenSummoned === null
                          ? "not summoned yet"
                          : v.escortedWhenSummoned
                            ? "escort or travel provided"
                            : "not provided"}
                      </li>
                      <li>
                        Threats:{" "}
                        {v.threatReported
                          ? v.threatActedOn
                            ? "reported, acted on"
                            : "reported, not acted on"
                          : "none reported"}
                      </li>
                    </ul>
                  </td>
                  <td>
                    <ParticipationCell result={participation[v.id]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">No victim is recorded on this case yet.</p>
      )}
    </section>
  );
}

function ParticipationCell({ result }: { result: IndexResult | undefined }) {
  if (!result || result.score === null) return <span className="muted">No indicator applies yet</span>;
  const missing = result.indicators.filter((i) => !i.met).map((i) => i.label);
  return (
    <>
      <strong>{result.score}</strong>
      {missing.length ? <div className="muted">Not yet: {missing.join("; ")}</div> : null}
    </>
  );
}
