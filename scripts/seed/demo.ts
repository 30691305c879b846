// The demo collective: deterministic for a given "today", written in one transaction.
import { count } from "drizzle-orm";
import type { Db } from "#db/client";
import { collectives } from "#db/schema";
import type { DepartmentKind, Language } from "#db/schema/enums";
import { addDays, dayNumber } from "~/lib/dates";
import { hashPassword } from "~/services/password.server";
import { createCollective, createDepartment, createTenure, createUser, seededRandom } from "../../tests/factories";
import { casePlans } from "./case-plans";
import { seedCase } from "./cases";
import { demoNextMeeting, seedDemoMeetings } from "./meetings";
import { seedState } from "./state";

export { newCodesFrom } from "./case-plans";

export const demoPassword = "testa-demo";

export const demoAccounts = [
  { email: "admin@demo.testa", role: "admin", name: "Demo Administrator", department: null },
  { email: "secretariat@demo.testa", role: "secretariat", name: "Farida Shaikh", department: "ngo" },
  { email: "police@demo.testa", role: "representative", name: "Sanjay Patil", department: "police" },
  { email: "dcpu@demo.testa", role: "representative", name: "Meena Kulkarni", department: "dcpu" },
  { email: "observer@demo.testa", role: "observer", name: "State Observer", department: null },
] as const;

/** Who reads the demo in Marathi or Hindi; everyone else follows the collective's default (English). */
export const demoLanguages: Readonly<Record<string, Language>> = {
  "dcpu@demo.testa": "mr",
  "shelter@demo.testa": "hi",
};

type Seat = { kind: DepartmentKind; name: string; officer: string; designation: string; email: string; phone: string };

const seats: Seat[] = [
  {
    kind: "police",
    name: "Police – Anti-Human-Trafficking Unit",
    officer: "Sanjay Patil",
    designation: "Police Inspector, AHTU",
    email: "police@demo.testa",
    phone: "+91 712 256 0101",
  },
  {
    kind: "prosecution",
    name: "Public Prosecutor's Office",
    officer: "Adv. Rekha Deshmukh",
    designation: "Special Public Prosecutor",
    email: "prosecution@demo.testa",
    phone: "+91 712 256 0102",
  },
  {
    kind: "court",
    name: "Exclusive Trafficking Court",
    officer: "Shri A. R. Joshi",
    designation: "Registrar (Judicial)",
    email: "court@demo.testa",
    phone: "+91 712 256 0103",
  },
  {
    kind: "dcpu",
    name: "District Child Protection Unit",
    officer: "Meena Kulkarni",
    designation: "District Child Protection Officer",
    email: "dcpu@demo.testa",
    phone: "+91 712 256 0104",
  },
  {
    kind: "dwcd",
    name: "Department of Women and Child Development",
    officer: "Sunita Wankhede",
    designation: "District Women and Child Development Officer",
    email: "dwcd@demo.testa",
    phone: "+91 712 256 0105",
  },
  {
    kind: "dlsa",
    name: "District Legal Services Authority",
    officer: "Shri Vikram Rao",
    designation: "Secretary, DLSA",
    email: "dlsa@demo.testa",
    phone: "+91 712 256 0106",
  },
  {
    kind: "plv",
    name: "Para-Legal Volunteers",
    officer: "Kavita Meshram",
    designation: "Para-Legal Volunteer Coordinator",
    email: "plv@demo.testa",
    phone: "+91 712 256 0107",
  },
  {
    kind: "shelter_home",
    name: "Government Shelter Home",
    officer: "Shobha Thakre",
    designation: "Superintendent",
    email: "shelter@demo.testa",
    phone: "+91 712 256 0108",
  },
  {
    kind: "ngo",
    name: "TESTA Secretariat – project NGO",
    officer: "Farida Shaikh",
    designation: "Case Manager",
    email: "secretariat@demo.testa",
    phone: "+91 712 256 0109",
  },
];

export function isSeeded(db: Db): boolean {
  return (db.select({ n: count() }).from(collectives).get()?.n ?? 0) > 0;
}

export async function seedAdmin(db: Db, { email, password }: { email: string; password: string }) {
  const passwordHash = await hashPassword(password);
  db.transaction((tx) => {
    const collective = createCollective(tx, {
      name: "TESTA Collective",
      district: "Not configured",
      districtCode: "TST",
      state: "Maharashtra",
    });
    createUser(tx, { collectiveId: collective.id, email, name: "Administrator", role: "admin", passwordHash });
  });
}

export async function seedDemo(db: Db, { today }: { today: string }) {
  const passwordHash = await hashPassword(demoPassword);
  const rand = seededRandom(20_261_128);
  db.transaction((tx) => {
    const collective = createCollective(tx, {
      name: "Demo District",
      district: "Demo District",
      districtCode: "DEM",
      state: "Maharashtra",
      meetingWeekday: 4,
      meetingWeekOfMonth: 2,
      meetingStartTime: "11:00",
      meetingDurationMinutes: 120,
      meetingVenue: "Collector's Office, Conference Hall 2",
      meetingLink: "https://meet.example.org/demo-district-testa",
    });
    const c = collective.id;
    const dept = new Map<DepartmentKind, number>();
    for (const seat of seats) {
      const d = createDepartment(tx, { collectiveId: c, name: seat.name, kind: seat.kind });
      dept.set(seat.kind, d.id);
      const account = demoAccounts.find((a) => a.email === seat.email);
      const user = createUser(tx, {
        collectiveId: c,
        email: seat.email,
        name: seat.officer,
        role: account?.role ?? (seat.kind === "ngo" ? "secretariat" : "representative"),
        passwordHash,
        language: demoLanguages[seat.email] ?? null,
      });
      if (seat.kind === "police") {
        const predecessor = createUser(tx, {
          collectiveId: c,
          email: "police.former@demo.testa",
          name: "Rajendra Sawant",
          role: "representative",
          passwordHash,
          active: false,
        });
        createTenure(tx, {
          departmentId: d.id,
          userId: predecessor.id,
          officerName: "Rajendra Sawant",
          designation: "Police Inspector, AHTU",
          email: "police.former@demo.testa",
          startsOn: addDays(today, -1500),
          endsOn: addDays(today, -400),
        });
      }
      createTenure(tx, {
        departmentId: d.id,
        userId: user.id,
        officerName: seat.officer,
        designation: seat.designation,
        email: seat.email,
        phone: seat.phone,
        startsOn: addDays(today, seat.kind === "police" ? -399 : -600 - rand.int(0, 300)),
      });
    }
    for (const a of demoAccounts.filter((a) => a.department === null)) {
      createUser(tx, { collectiveId: c, email: a.email, name: a.name, role: a.role, passwordHash });
    }

    const daysToNextMeeting = dayNumber(demoNextMeeting(collective, today).date) - dayNumber(today);
    casePlans(rand, { daysToNextMeeting })
      .sort((a, b) => b.ageDays - a.ageDays)
      .forEach((plan, index) => seedCase(tx, { collectiveId: c, dept, plan, index, today, rand }));

    seedDemoMeetings(tx, { collectiveId: c, today, rand });
    seedState(tx, { passwordHash });
  });
}
