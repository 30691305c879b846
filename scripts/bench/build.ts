// The bench state: 36 collectives of 5,000 cases each with their events, victims, accused and
// action items, bulk-loaded with prepared statements; collective 1 is the one the figures time.
// And the agenda's reads written as plain SQL to time the app against.
import type { Db } from "#db/client";
import { addDays } from "~/lib/dates";
import { seededRandom } from "../../tests/factories";

/**
 * Maharashtra's 36 districts at the size of the one bench collective (BENCH_COLLECTIVES=1 builds
 * that one alone; BENCH_EVENTS sets the events per case, fewer when building takes too long).
 */
export const sizes = {
  collectives: Number(process.env.BENCH_COLLECTIVES ?? 36),
  cases: 5_000,
  eventsPerCase: Number(process.env.BENCH_EVENTS ?? 20),
  actionItemsPerCase: 10,
  meetings: 6,
};
const today = "2026-11-28";

/** The whole state, in one transaction per collective; then the planner's statistics. */
export function build(db: Db) {
  // A throwaway file: no crash safety or foreign-key checks while loading (every id comes from the row just written).
  const sql = db.$client;
  sql.pragma("foreign_keys = OFF");
  sql.pragma("synchronous = OFF");
  sql.pragma("cache_size = -262144");
  for (let n = 1; n <= sizes.collectives; n++) buildCollective(db, n);
  sql.exec("analyze");
  sql.pragma("foreign_keys = ON");
  sql.pragma("synchronous = NORMAL");
}

/** One collective (the n-th; the first is Bench District, BEN, id 1), as every other: same sizes, its own random draw. */
function buildCollective(db: Db, n: number) {
  const rand = seededRandom(7 * n);
  const sql = db.$client;
  const code = n === 1 ? "BEN" : `B${String(n).padStart(2, "0")}`;
  const collective = Number(
    sql
      .prepare("insert into collectives (name, district, district_code, state) values (?, ?, ?, 'Maharashtra')")
      .run(n === 1 ? "Bench District" : `Bench District ${n}`, n === 1 ? "Bench" : `Bench ${n}`, code).lastInsertRowid,
  );
  const kinds = ["police", "prosecution", "court", "dcpu", "dwcd", "dlsa", "plv", "shelter_home", "ngo"];
  const dept = sql.prepare(`insert into departments (collective_id, name, kind) values (${collective}, ?, ?)`);
  const deptIds = kinds.map((k) => Number(dept.run(`Department ${k}`, k).lastInsertRowid));
  const kase = sql.prepare(
    `insert into cases (collective_id, code, police_station, fir_number, stage, status, outcome, opened_on, closed_on, chargesheet_limit_days, created_at) values (${collective}, ?, 'PS', ?, ?, ?, ?, ?, ?, 60, ?)`,
  );
  const link = sql.prepare("insert into case_departments (case_id, department_id, role) values (?, ?, ?)");
  const event = sql.prepare(
    "insert into case_events (case_id, kind, occurred_on, outcome, next_date) values (?, ?, ?, ?, ?)",
  );
  const person = sql.prepare("insert into accused (case_id, name, arrested_on, bail_status) values (?, ?, ?, ?)");
  const given = [
    "Ramesh",
    "Suresh",
    "Mohd",
    "Salim",
    "Anil",
    "Vijay",
    "Sunil",
    "Raju",
    "Imran",
    "Deepak",
    "Santosh",
    "Manoj",
  ];
  const family = [
    "Kumar",
    "Shaikh",
    "Patil",
    "Yadav",
    "Khan",
    "Jadhav",
    "Singh",
    "Pawar",
    "Gupta",
    "More",
    "Ansari",
    "Thakur",
  ];
  const victim = sql.prepare(
    `insert into victims (collective_id, case_id, code, minor, age_band, legal_aid_assigned_on, education_enrolled) values (${collective}, ?, ?, 0, '18_25', ?, ?)`,
  );
  const action = sql.prepare(
    `insert into action_items (collective_id, department_id, description, due_on, status, case_id) values (${collective}, ?, 'Follow up', ?, ?, ?)`,
  );
  const stages = ["investigation", "chargesheet", "charges_framed", "prosecution_evidence", "defence_evidence"];
  const eventKinds = ["hearing", "hearing", "hearing", "statement", "bail_application", "bail_order", "other"];
  sql.transaction(() => {
    for (let i = 1; i <= sizes.cases; i++) {
      // A third of the cases are decided (the dashboard's conviction rate and durations need them).
      const outcome = rand.chance(0.35) ? rand.pick(["convicted", "convicted", "acquitted", "discharged"]) : null;
      const opened = addDays(today, -rand.int(outcome ? 250 : 30, 1500));
      const judged = addDays(opened, (sizes.eventsPerCase - 1) * 10);
      const caseId = Number(
        kase.run(
          `${code}-${2020 + (i % 7)}-${String(i).padStart(4, "0")}`,
          `${String(i).padStart(4, "0")}/${opened.slice(0, 4)}`,
          outcome ? "closed" : rand.pick(stages),
          outcome ? "closed" : "open",
          outcome,
          opened,
          outcome ? judged : null,
          `${opened}T06:00:00.000Z`,
        ).lastInsertRowid,
      );
      link.run(caseId, deptIds[0], "lead");
      link.run(caseId, deptIds[8], "support");
      // Distinct names (a given name, a family name and a number-word), as many as there are cases.
      person.run(
        caseId,
        `${given[i % 12]} ${family[Math.floor(i / 12) % 12]} ${["Bhau", "Anna", "Dada", "Nana", "Bapu", "Appa", "Tatya", "Mama", "Kaka", "Baba"][Math.floor(i / 144) % 10]}${i >= 1440 ? ` ${String.fromCharCode(97 + Math.floor(i / 1440))}` : ""}`,
        addDays(opened, 1),
        rand.pick(["pending", "granted", "refused", "not_applied"]),
      );
      victim.run(caseId, `V-${String(i).padStart(5, "0")}`, rand.chance(0.6) ? opened : null, rand.chance(0.4) ? 1 : 0);
      for (let e = 0; e < sizes.eventsPerCase; e++) {
        const on = addDays(opened, e * 10);
        const last = e === sizes.eventsPerCase - 1;
        // FIR, arrest and chargesheet in order, then court dates; a decided case ends in its judgment.
        const kind =
          e === 0
            ? "fir"
            : e === 1
              ? "arrest"
              : e === 6
                ? "chargesheet_filed"
                : last && outcome
                  ? "judgment"
                  : rand.pick(eventKinds);
        event.run(
          caseId,
          kind,
          on,
          last && outcome ? outcome : "Adjourned",
          last ? (outcome ? null : addDays(today, rand.int(-10, 80))) : addDays(on, 10),
        );
      }
      for (let a = 0; a < sizes.actionItemsPerCase; a++) {
        action.run(
          deptIds[rand.int(0, 8)],
          addDays(today, rand.int(-60, 60)),
          rand.pick(["open", "in_progress", "done", "blocked", "dropped"]),
          caseId,
        );
      }
    }
    const meeting = sql.prepare(
      `insert into meetings (collective_id, number, starts_at, duration_minutes, status) values (${collective}, ?, ?, 120, ?)`,
    );
    const item = sql.prepare(
      "insert into agenda_items (meeting_id, position, kind, case_id, title, minutes, status) values (?, ?, 'case_review', ?, 'Case review', 8, 'discussed')",
    );
    const firstCase = caseIdsFrom(sql, collective);
    for (let m = 1; m <= sizes.meetings; m++) {
      const held = meeting.run(m, `${addDays(today, -30 * (sizes.meetings + 1 - m))}T05:30:00.000Z`, "held");
      for (let p = 0; p < 12; p++) item.run(held.lastInsertRowid, p, firstCase + rand.int(0, sizes.cases - 1));
    }
    meeting.run(sizes.meetings + 1, `${addDays(today, 12)}T05:30:00.000Z`, "planned");
  })();
}

const caseIdsFrom = (sql: Db["$client"], collective: number) =>
  (sql.prepare("select min(id) as id from cases where collective_id = ?").get(collective) as { id: number }).id;

/** The same reads the agenda needs, as plain SQL through better-sqlite3, without any mapping. */
export function rawReads(db: Db, meetingDate: string) {
  const sql = db.$client;
  const scope = "(select id from cases where collective_id = 1)";
  sql.prepare("select * from cases where collective_id = 1 and status = 'open'").all();
  sql
    .prepare(
      `select case_id, kind, occurred_on, outcome, next_date from case_events where case_id in ${scope} order by case_id, occurred_on, id`,
    )
    .all();
  sql.prepare(`select case_id, arrested_on, bail_status from accused where case_id in ${scope}`).all();
  sql.prepare(`select case_id, department_id from case_departments where role = 'lead' and case_id in ${scope}`).all();
  sql
    .prepare(
      "select case_id, count(*) from action_items where collective_id = 1 and status in ('open','in_progress','blocked') and due_on < ? group by case_id",
    )
    .all(meetingDate);
  sql
    .prepare("select id, starts_at from meetings where collective_id = 1 and status = 'held' order by starts_at")
    .all();
  sql.prepare("select case_id, meeting_id from agenda_items where status = 'discussed' and case_id is not null").all();
  sql
    .prepare(
      "select a.*, d.name, c.code, m.number, m.starts_at from action_items a join departments d on d.id = a.department_id left join cases c on c.id = a.case_id left join meetings m on m.id = a.meeting_id where a.collective_id = 1 and a.status in ('open','in_progress','blocked')",
    )
    .all();
}
