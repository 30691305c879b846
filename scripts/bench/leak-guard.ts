// The leak guard at the bench collective's scale.
import { performance } from "node:perf_hooks";
import type { Db } from "#db/client";
import { at } from "~/lib/at";
import { findProtected, protectedSet } from "~/services/identity.server";
import { protectedSetAfresh } from "~/models/protected-set.server";
import { addToIdentityRecord, removeFromIdentityRecord } from "~/services/identity-record.server";
import { seededRandom } from "../../tests/factories";
import { fmt, fmtCpu, time, verdict } from "./timing";

/**
 * The leak guard at scale: every accused person of the large collective, and a full identity
 * record (name, father's name, village, phone) for each of its victims, so well over 10,000
 * protected names in all their forms. Timed on 1,000-word documents (a sentence repeated; 1,000
 * words from a vocabulary of 300, almost all new; district text in English and Marathi with
 * officers' names, numbers and citations) and on one field as a save checks it (the set is built
 * once; a save reads the revision and reuses it).
 */
export function benchLeakGuard(db: Db) {
  const rand = seededRandom(11);
  const user = Number(
    db.$client
      .prepare(
        "insert into users (collective_id, email, name, role) values (1, 'bench@bench.testa', 'Bench', 'secretariat')",
      )
      .run().lastInsertRowid,
  );
  const given = [
    "Sunita",
    "Kaveri",
    "Pooja",
    "Asha",
    "Meena",
    "Rekha",
    "Sarika",
    "Priya",
    "Jyoti",
    "Anita",
    "Sangita",
    "Manisha",
    "Lata",
    "Kavita",
    "Rupali",
    "Swati",
    "Deepali",
    "Komal",
    "Pallavi",
    "Rani",
  ];
  const fathers = [
    "Ramesh",
    "Suresh",
    "Dattatray",
    "Vitthal",
    "Baban",
    "Shankar",
    "Maruti",
    "Sopan",
    "Namdev",
    "Tukaram",
    "Bhausaheb",
    "Eknath",
    "Kashinath",
    "Pandurang",
    "Dnyaneshwar",
  ];
  const surnames = [
    "Jagtap",
    "Shinde",
    "Gaikwad",
    "Kamble",
    "Bhosale",
    "Waghmare",
    "Salunkhe",
    "Kadam",
    "Mane",
    "Sawant",
    "Lokhande",
    "Gawande",
    "Thorat",
    "Kharat",
    "Ingle",
    "Sonawane",
    "Dhage",
  ];
  const villages = ["Wadgaon", "Pimpalgaon", "Shirur", "Karanja", "Malegaon", "Sonegaon", "Khapri", "Borgaon"];
  const victimIds = db.$client.prepare("select id, case_id from victims order by id").all() as {
    id: number;
    case_id: number;
  }[];
  const t0 = performance.now();
  for (const [i, v] of victimIds.entries()) {
    const [g, f, sn] = [given[i % 20], fathers[Math.floor(i / 20) % 15], surnames[Math.floor(i / 300) % 17]];
    addToIdentityRecord(
      db,
      { collectiveId: 1, caseId: v.case_id, subjectKind: "victim", subjectId: v.id },
      user,
      [
        { attribute: "name", value: `${g} ${f} ${sn}` },
        { attribute: "father", value: `${f} ${rand.pick(fathers)} ${sn}` },
        {
          attribute: "village",
          value: `${villages[i % 8]} ${["Budruk", "Khurd", "Tanda", "Wadi"][Math.floor(i / 8) % 4]}`,
        },
        { attribute: "phone", value: `0${7100000000 + i * 37}` },
      ],
      null,
    );
  }
  const recorded = performance.now() - t0;
  const started = performance.now();
  const set = protectedSet(db, 1);
  const first = performance.now() - started;
  const cached = time(20, () => protectedSet(db, 1));
  // A change (one more accused, an FIR corrected) moves the revision: the next check updates the kept set in place.
  const changed = (change: () => void) => {
    change();
    const at = performance.now();
    const same = protectedSet(db, 1) === set;
    return { ms: performance.now() - at, same };
  };
  const accusedAdded = changed(() =>
    db.$client
      .prepare("insert into accused (case_id, name, bail_status) values (1, 'Bench Inplace Kumar', 'not_applied')")
      .run(),
  );
  const firChanged = changed(() => db.$client.prepare("update cases set fir_number = '9876' where id = 2").run());
  const inPlaceRight = findProtected("bail for Bench Inplace Kumar; FIR 9876", set).length === 2;
  const afreshAt = performance.now();
  protectedSetAfresh(db, 1);
  const afresh = performance.now() - afreshAt;

  const words =
    "the prosecutor reported that the trial is at the stage of prosecution evidence and the victim DEM-2026-0042 is ready to depose".split(
      " ",
    );
  const repeated = Array.from({ length: 1000 }, (_, i) => words[i % words.length]).join(" ");
  const vocabulary = Array.from(
    { length: 300 },
    (_, i) =>
      `${["court", "bail", "shelter", "hearing", "witness", "school", "counsel", "escort", "report", "order"][i % 10]}${String.fromCharCode(97 + (i % 26))}${i}`,
  );
  const varied = Array.from({ length: 1000 }, () => rand.pick(vocabulary)).join(" ");
  const sentences = [
    "PI Sanjay Patil of Wadi Police Station reported that the chargesheet in BEN-2026-0042 was filed on 12/11/2026 under BNS 143/2023.",
    "APP Sunil Jadhav sought time; the victim V-00042 will be escorted by the DCPU and the ASHA worker from Wadgaon.",
    "As per GR No. 2023/45 and Circular No. 12/2024, Manodhairya compensation of Rs. 3,00,000 is to be applied for.",
    "पोलीस ठाणे सीताबर्डी येथे पुढील सुनावणी १५ डिसेंबर रोजी होईल; बाल कल्याण समितीने अहवाल मागवला आहे.",
    "Dr. Meena Kulkarni and Adv. Ramesh Pawar attended; Smt. Deshmukh chaired the meeting in Room 12.",
  ];
  const district = Array.from({ length: 1000 }, (_, i) => at(sentences, i % sentences.length).split(" "))
    .flat()
    .slice(0, 1000)
    .join(" ");
  const field =
    "The prosecutor met PI Sanjay Patil at Wadi Police Station; the victim V-00042 will testify on 15/12/2026 in the protection room, with the DCPU and the ASHA worker.";
  const documents = (
    [
      ["a repeated sentence", repeated],
      ["1,000 varied words", varied],
      ["district text (English and Marathi)", district],
    ] as const
  ).map(([label, text]) => [label, time(50, () => findProtected(text, set))] as const);
  const atSave = time(100, () => findProtected(field, protectedSet(db, 1)));
  // A fingerprint added, then removed: the kept set is updated in place (the same set, no rebuild).
  const kept = protectedSet(db, 1);
  const v = at(victimIds, 0);
  const addedAt = performance.now();
  addToIdentityRecord(
    db,
    { collectiveId: 1, caseId: v.case_id, subjectKind: "victim", subjectId: v.id },
    user,
    [{ attribute: "other_name", value: "Benchi Inplace Kanarikar" }],
    null,
  );
  const inPlace = protectedSet(db, 1);
  const added = performance.now() - addedAt;
  const entryId = Number(
    (db.$client.prepare("select max(id) as id from identity_record_entries").get() as { id: number }).id,
  );
  const removedAt = performance.now();
  removeFromIdentityRecord(db, { collectiveId: 1, caseId: v.case_id }, user, entryId);
  protectedSet(db, 1);
  const removed = performance.now() - removedAt;
  const named = findProtected(
    `${given[3]} ${surnames[0]} and ${surnames[0]} ${given[3]}, S. ${at(fathers, 0)[0]}. ${surnames[0]}`,
    set,
  ).length;
  console.log(
    `\nLeak guard (${victimIds.length} victims' records, ${victimIds.length} accused: ${victimIds.length * 3} protected names, ${set.size} fingerprinted forms, ${set.firs.size} FIR numbers):`,
  );
  console.log(
    `  recording the victims' records:         ${(recorded / 1000).toFixed(1)} s (${(recorded / victimIds.length).toFixed(2)} ms a record)`,
  );
  console.log(
    `  building the protected set:             first ${first.toFixed(0)} ms (afresh, later: ${afresh.toFixed(0)} ms); reused until a change: ${fmt(cached)}`,
  );
  const inPlaceWord = (c: { same: boolean }) => (c.same && inPlaceRight ? "in place" : "NO, rebuilt or wrong");
  console.log(
    `  after an accused is added, an FIR changed: ${accusedAdded.ms.toFixed(1)} ms, ${firChanged.ms.toFixed(1)} ms with the next check (${inPlaceWord(accusedAdded)}, ${inPlaceWord(firChanged)})   target: no rebuild`,
  );
  console.log(
    `  a fingerprint added, then removed:      ${added.toFixed(1)} ms, ${removed.toFixed(1)} ms, each with the next check (in place: ${inPlace === kept && protectedSet(db, 1) === kept ? "yes" : "NO, rebuilt"})   target: no rebuild`,
  );
  for (const [label, t] of documents)
    console.log(`  1,000-word document, ${label.padEnd(36)} ${fmtCpu(t)}   target <= 20 ms: ${verdict(t, 20)}`);
  console.log(`  one field checked at save (30 words):   ${fmtCpu(atSave)}   target <= 5 ms: ${verdict(atSave, 5)}`);
  console.log(`  (a check that the names are found: ${named} match(es) in a test sentence)`);
}
