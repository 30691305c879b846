import { describe, expect, it } from "vitest";
import {
  accusedStandIn,
  buildProtectedSet,
  findProtected,
  firStandIn,
  rewriteProtected,
  standInFor,
  victimStandIn,
} from "~/lib/leak-guard";
import { addToSet, removeFromSet } from "~/lib/protected-set";
import { keyedHasher, pairForm, protectedForms, wordForm } from "~/lib/protected-forms";
import { legacyKey, phoneticKey } from "~/lib/phonetic";
import type { RecordAttribute } from "#db/schema/enums";

const key = "unit-test-identity-key-0123456789abcdef";
const hash = keyedHasher(key);
const sunita = victimStandIn("V-0042");
const rukhsana = victimStandIn("V-0043");
const kale = accusedStandIn(2, "DEM-2026-0042");
const entry = (attribute: RecordAttribute, value: string, who: typeof sunita) => ({
  forms: protectedForms(hash, attribute, value),
  who: standInFor(attribute, who),
});
const set = buildProtectedSet(
  key,
  [
    entry("name", "Sunita Ramesh Jagtap", sunita),
    entry("other_name", "Sunanda", sunita),
    entry("father", "Ramesh Dattatray Jagtap", sunita),
    entry("village", "Wadgaon Budruk", sunita),
    entry("school", "Zilla Parishad School Wadgaon", sunita),
    entry("phone", "0233 2345678", sunita),
    entry("word", "Jaggu", sunita),
    entry("name", "Rukhsana", rukhsana),
    entry("name", "Vitthal Bhausaheb Kale", kale),
    entry("alias", "Tiger", kale),
  ],
  [
    ["312", firStandIn("DEM-2026-0042")],
    ["45", firStandIn("DEM-2025-0007")],
  ],
);

/** What a rewrite would put in, and the text it replaces. */
const found = (text: string) => findProtected(text, set).map((m) => [text.slice(m.start, m.end), m.replacement]);
const blocked = (text: string) => findProtected(text, set).length > 0;

describe("a protected name", () => {
  it("matches whole, or any two of its words in any order, with commas, dots, hyphens or nothing between", () => {
    for (const text of [
      "Sunita Ramesh Jagtap",
      "Sunita Jagtap",
      "Jagtap Sunita",
      "Jagtap, Sunita",
      "Jagtap. Sunita",
      "Sunita-Jagtap",
      "SunitaJagtap",
      "SUNITAJAGTAP",
      "Sunita Ramesh",
      "Ramesh Sunita",
      "Smt. Sunita Jagtap",
    ]) {
      expect(found(`Met ${text} at the shelter.`), text).toHaveLength(1);
    }
    expect(found("The counsellor met Sunita Ramesh Jagtap today.")).toEqual([["Sunita Ramesh Jagtap", "V-0042"]]);
  });
  it("matches the surname with the initials of the other words, before or after it", () => {
    for (const text of [
      "S. Jagtap",
      "S Jagtap",
      "S R Jagtap",
      "S. R. Jagtap",
      "S.R. Jagtap",
      "SR Jagtap",
      "Jagtap S.",
      "Jagtap S. R.",
      "Sunita R. Jagtap",
    ])
      expect(blocked(`Escort ${text} to court`), text).toBe(true);
    // "R. Jagtap" is her father's initial (Ramesh Dattatray Jagtap); "D. Jagtap" is no one's.
    expect(found("Escort R. Jagtap to court")).toEqual([["R. Jagtap", "the father of V-0042"]]);
    expect(blocked("Escort D. Jagtap to court")).toBe(false);
  });
  it("matches romanisation variants", () => {
    for (const text of [
      "Suneeta Jagtaap",
      "Sunitaa Jagtap",
      "Vithal Kale",
      "Withal Kale",
      "Vitthal Bhausaheb Kaale",
      "Bhausaheb Kale",
    ])
      expect(blocked(text), text).toBe(true);
  });
  it("matches in Devanagari, and Devanagari against Latin", () => {
    expect(found("काल सुनीता जगताप आली होती")).toEqual([["सुनीता जगताप", "V-0042"]]);
    for (const text of [
      "जगताप सुनीता",
      "सुनिता जगताप",
      "स. र. जगताप",
      "विठ्ठल काळे",
      "विठ्ठल भाऊसाहेब काळे",
      "सुनंदा",
      "रुखसाना",
      "वडगाव बुद्रुक",
    ])
      expect(blocked(text), text).toBe(true);
  });
  it("blocks a single word only when the name is one word or the word is marked", () => {
    expect(found("Rukhsana attended")).toEqual([["Rukhsana", "V-0043"]]);
    expect(found("Sunanda attended")).toEqual([["Sunanda", "V-0042"]]);
    expect(found("Jaggu attended")).toEqual([["Jaggu", "V-0042"]]);
    expect(found("Tiger was seen")).toEqual([["Tiger", "the accused (A-2 of DEM-2026-0042)"]]);
    for (const text of ["Sunita attended", "Jagtap attended", "Ramesh attended", "Kale attended", "Vitthal attended"])
      expect(blocked(text), text).toBe(false);
  });
  it("names a relative's name by whose it is", () => {
    expect(found("Ramesh Dattatray Jagtap came")).toEqual([["Ramesh Dattatray Jagtap", "the father of V-0042"]]);
    expect(found("Dattatray Jagtap came")).toEqual([["Dattatray Jagtap", "the father of V-0042"]]);
  });
});

describe("a protected place", () => {
  it("matches as the whole phrase, with the same folding, and not by one of its words", () => {
    expect(found("She lives in Wadgaon Budruk.")).toEqual([["Wadgaon Budruk", "the village of V-0042"]]);
    expect(found("Studies at Zilla Parishad School, Wadgaon")).toEqual([
      ["Zilla Parishad School, Wadgaon", "the school of V-0042"],
    ]);
    expect(blocked("Vadgav Budruk")).toBe(true);
    for (const text of ["Wadgaon Police Station", "Budruk", "Zilla Parishad School", "Zilla Parishad, Nagpur"])
      expect(blocked(text), text).toBe(false);
  });
});

describe("numbers", () => {
  it("blocks any Indian mobile number, spaced or hyphenated, with or without +91 or 0", () => {
    for (const text of [
      "9822012345",
      "98220 12345",
      "98220-12345",
      "+91 98220 12345",
      "+91-9822012345",
      "09822012345",
      "0 98220 12345",
      "982 201 2345",
      "7020012345",
    ]) {
      expect(findProtected(`Call ${text} today`, set), text).toEqual([
        expect.objectContaining({ kind: "phone", replacement: "[phone number removed]" }),
      ]);
    }
    expect(findProtected("Call 98220 12345", buildProtectedSet(key, [], [])), "with nothing recorded").toHaveLength(1);
  });
  it("blocks a twelve-digit Aadhaar-like number", () => {
    expect(findProtected("Aadhaar 2345 6789 0123 was seen", set)).toEqual([
      expect.objectContaining({ kind: "id-number", replacement: "[ID number removed]" }),
    ]);
    expect(blocked("Aadhaar 234567890123")).toBe(true);
  });
  it("blocks a recorded landline however it is spaced", () => {
    expect(found("Her home phone is 0233-2345678.")).toEqual([["0233-2345678", "[phone number removed]"]]);
    expect(blocked("Her home phone is 02332 345 678.")).toBe(true);
  });
  it("passes numbers that are not phone numbers", () => {
    for (const text of [
      "items 6 7 8 9 10 11 12 13 14",
      "the control room, 0712 256 0106",
      "0712-2560106",
      "020 2612 3456",
      "Rs. 7,50,000 sanctioned",
      "on 15/12/2026 at 11.30",
      "DEM-2026-0042 and V-0042",
      "5000 cases",
      "12 hearings",
    ])
      expect(blocked(text), text).toBe(false);
  });
});

describe("an FIR citation", () => {
  it("matches joined, slashed and hyphenated forms, spanning its label and year", () => {
    expect(found("See FIR0312.")).toEqual([["FIR0312", "the FIR of DEM-2026-0042"]]);
    expect(found("See FIR/0312/2024.")).toEqual([["FIR/0312/2024", "the FIR of DEM-2026-0042"]]);
    expect(found("Registered as 0312-2024 at Wadi.")).toEqual([["0312-2024", "the FIR of DEM-2026-0042"]]);
    expect(found("FIR No. 0312 of 2024 is pending.")).toEqual([["FIR No. 0312 of 2024", "the FIR of DEM-2026-0042"]]);
    expect(found("C.R. No. 312/2024 was registered.")).toEqual([["C.R. No. 312/2024", "the FIR of DEM-2026-0042"]]);
    expect(found("crime no. 45 is at the chargesheet stage")).toEqual([["crime no. 45", "the FIR of DEM-2025-0007"]]);
  });
  it("matches a number anywhere in the sentence of FIR, C.R. or crime no.", () => {
    expect(
      found("In the FIR registered last month at Wadi police station, which is 312, the accused are two."),
    ).toEqual([["312", "the FIR of DEM-2026-0042"]]);
    expect(blocked("FIRs 111 and 312 are joined.")).toBe(true);
    expect(blocked("The FIR was filed. 312 pages of evidence were filed later.")).toBe(false);
  });
  it("does not match a number labelled as something else", () => {
    for (const text of [
      "Circular No. 312/2024 of the Home Department",
      "GR No. 312/2024 dated 12/03/2024",
      "Order No. 45 of 2024",
      "Room 312, Crime Branch, Nagpur",
      "Sessions Case No. 312/2024 is fixed for evidence",
      "SC/312/2024 fixed for evidence",
      "S.C. No. 312/2024",
      "Offences under BNS 143/2023 and section 370 IPC",
      "In the FIR, sections 143, 312 BNS are applied",
      "The FIR was registered in 2024 on 12 March",
      "Budget for 2023-2024",
    ]) {
      expect(blocked(text), text).toBe(false);
    }
  });
  it("is rewritten to the case's FIR, and the rewrite passes", () => {
    const text = "Sunita Jagtap (FIR No. 0312/2024) called from 98220 12345.";
    const rewritten = rewriteProtected(text, findProtected(text, set));
    expect(rewritten).toBe("V-0042 (the FIR of DEM-2026-0042) called from [phone number removed].");
    expect(findProtected(rewritten, set)).toEqual([]);
  });
});

describe("ordinary district text", () => {
  const corpus = [
    "PI Sanjay Patil (AHTU) reported that the chargesheet was filed on 12/11/2026.",
    "Dr. Meena Kulkarni, DCPU, and Adv. Ramesh Pawar, DLSA panel lawyer, attended.",
    "Smt. Sunita Deshmukh, District Women and Child Development Officer, chaired the meeting.",
    "APP Sunil Jadhav sought time; the next date is 15/12/2026.",
    "PI Jagtap and PSI Kale of Wadi Police Station to escort the witness.",
    "Mr. Jagtap, Mr. Patil and Mrs. Kale were present.",
    "S. Patil and R. Shinde of the Crime Branch, Room 12, will follow up.",
    "The ASHA worker from Wadgaon will accompany her; the Anganwadi Sevika of Budruk too.",
    "Patil, Pawar and Jadhav are common surnames; Patil alone identifies no one.",
    "As per GR No. 2023/312 and Circular No. 45/2024 of the Home Department, compensation under Manodhairya is due.",
    "Offences under BNS 143/2023 and sections 370, 372 IPC; POCSO s.4.",
    "Victim V-0042 in case DEM-2026-0042 testified in the victim protection room.",
    "Nagpur, Amravati, Wardha and Chandrapur districts; Sitabuldi Police Station; Zilla Parishad, Nagpur.",
    "Meeting at 11.30 am in the Collector's Office, 2nd floor; 40 items, 150 action items.",
    "The victim participation index rose from 45 to 62 in 2026.",
    "पोलीस ठाणे सीताबर्डी येथे सुनावणी पुढील तारखेला होईल.",
    "बाल कल्याण समिती आणि महिला व बाल विकास विभागाची बैठक झाली.",
    "आरोपी फरार आहे; पीडित मुलगी निवारागृहात सुरक्षित आहे.",
    "जिल्हा परिषद शाळा, नागपूर येथे प्रशिक्षण झाले.",
    "पुलिस थाना में गवाह की सुनवाई हुई; महिला अधिकारी उपस्थित थीं।",
    "श्री. पाटील आणि सौ. जगताप उपस्थित होते.",
  ];
  it("passes", () => {
    for (const text of corpus) expect(found(text), text).toEqual([]);
  });
});

describe("o and au, in names written either way", () => {
  const gaurav = accusedStandIn(1, "DEM-2026-0050");
  const chohan = victimStandIn("V-0050");
  const oSet = buildProtectedSet(
    key,
    [
      entry("name", "Gaurav Bhosale", gaurav),
      entry("name", "Pooja Chohan", chohan),
      entry("village", "Gorewada Khurd", chohan),
      entry("word", "Goutya", chohan),
    ],
    [],
  );
  const oFound = (text: string) => findProtected(text, oSet).map((m) => text.slice(m.start, m.end));

  it("finds the name under each spelling, in both scripts", () => {
    for (const text of ["Gaurav Bhosale", "Gourav Bhosale", "Gorav Bhosale", "गौरव भोसले", "गोरव भोसले", "G. Bhosale"])
      expect(oFound(`Bail for ${text} opposed`), text).toEqual([text]);
    for (const text of [
      "Pooja Chohan",
      "Pooja Chauhan",
      "Puja Chouhan",
      "पूजा चौहान",
      "पूजा चोहान",
      "Gaurewada Khurd",
      "Gautya",
    ])
      expect(oFound(`Met ${text} today`), text).toEqual([text]);
  });
  it("passes ordinary text full of o and au", () => {
    const corpus = [
      "The court ordered the police to report on the bail order for the accused.",
      "Sub-Inspector Gore and Constable Pawar of Kotwali police station, Room 4, for the escort.",
      "Godhani, Gorewada and Koradi roads; the Collector's office, Nagpur.",
      "Gauri Deshmukh and Saurabh Kolhe of DLSA; Adv. Mohan Chaudhari for the victim.",
      "PSI Chavan to follow up; Bhosale Hospital and Pooja Hall are near the court.",
      "गौरी देशमुख आणि सौरभ कोल्हे उपस्थित होते; पोलीस ठाणे कोतवाली.",
      "for Gaurav's sake: nothing; Gaurav alone; Bhosale alone; Gorewada alone.",
    ];
    for (const text of corpus) expect(oFound(text), text).toEqual([]);
  });
});

describe("the protected set, kept up to date in place", () => {
  const forms = (attribute: RecordAttribute, value: string) => protectedForms(hash, attribute, value);
  const found = (s: ReturnType<typeof buildProtectedSet>, text: string) =>
    findProtected(text, s).map((m) => m.replacement);

  it("adds and removes one entry without touching the others, as a rebuild would", () => {
    const sunitaName = standInFor("name", sunita);
    const live = buildProtectedSet(
      key,
      [{ id: "e:1", forms: forms("name", "Sunita Ramesh Jagtap"), who: sunitaName }],
      [],
    );
    addToSet(live, "a:7", forms("name", "Ramesh Kale"), kale);
    addToSet(live, "e:2", forms("village", "Wadgaon Sheri"), standInFor("village", sunita));
    expect(found(live, "Sunita Jagtap from Wadgaon Sheri; bail for Ramesh Kale")).toEqual([
      "V-0042",
      "the village of V-0042",
      "the accused (A-2 of DEM-2026-0042)",
    ]);
    removeFromSet(live, "e:2");
    const rebuilt = buildProtectedSet(
      key,
      [
        { id: "e:1", forms: forms("name", "Sunita Ramesh Jagtap"), who: sunitaName },
        { id: "a:7", forms: forms("name", "Ramesh Kale"), who: kale },
      ],
      [],
    );
    for (const text of ["Sunita Jagtap from Wadgaon Sheri", "bail for Ramesh Kale", "S. R. Jagtap", "Ramesh came"])
      expect(found(live, text), text).toEqual(found(rebuilt, text));
    expect(live.size).toBe(rebuilt.size);
  });

  it("keeps a form two entries share until both are gone, the victim's stand-in first", () => {
    const live = buildProtectedSet(key, [], []);
    addToSet(live, "a:1", forms("name", "Sunita Jagtap"), kale);
    addToSet(live, "e:1", forms("name", "Sunita Jagtap"), sunita);
    expect(found(live, "Sunita Jagtap")).toEqual(["V-0042"]);
    removeFromSet(live, "e:1");
    expect(found(live, "Sunita Jagtap")).toEqual(["the accused (A-2 of DEM-2026-0042)"]);
    removeFromSet(live, "a:1");
    expect(found(live, "Sunita Jagtap")).toEqual([]);
    expect(live.words.size + live.pairs.size + live.initials.size).toBe(0);
  });
});

describe("y as a vowel, and o kept apart from av", () => {
  const meena = victimStandIn("V-0060");
  const kole = accusedStandIn(1, "DEM-2026-0060");
  const ySet = buildProtectedSet(
    key,
    [
      entry("name", "Meena Canarykar", meena),
      entry("other_name", "Pinky", meena),
      entry("name", "Sachin Kole", kole),
      entry("name", "Anita कावळे", meena),
    ],
    [],
  );
  const yFound = (text: string) => findProtected(text, ySet).map((m) => text.slice(m.start, m.end));

  it("finds a name with y as a vowel in either script, and its spellings with i", () => {
    for (const text of [
      "Meena Canarykar",
      "मीना कॅनरीकर",
      "Canarikar, Meena",
      "M. Canarykar",
      "म. कॅनरीकर",
      "MeenaCanarykar",
    ])
      expect(yFound(`Met ${text} at the shelter`), text).toEqual([text]);
    for (const text of ["Pinky", "Pinki", "पिंकी"]) expect(yFound(`${text} came`), text).toEqual([text]);
  });
  it("finds Kole as Kole and कोळे, never as Kawale, and Kawale never as Kole", () => {
    for (const text of ["Sachin Kole", "सचिन कोळे", "Kole Sachin", "S. Kole"])
      expect(yFound(`Bail for ${text} opposed`), text).toEqual([text]);
    for (const text of ["Sachin Kawale", "Sachin Kawle", "सचिन कावळे", "S. Kavle"])
      expect(yFound(`Bail for ${text} opposed`), text).toEqual([]);
    for (const text of ["Anita Kawale", "Anita Kawle", "अनिता कावळे", "A. Kavle"])
      expect(yFound(`Met ${text}`), text).toEqual([text]);
    for (const text of ["Anita Kole", "अनिता कोळे", "A. Kole"]) expect(yFound(`Met ${text}`), text).toEqual([]);
  });
  it("still finds an entry fingerprinted under the key as it was (legacyKey)", () => {
    const old = buildProtectedSet(
      key,
      [
        { forms: [`s:${wordForm(hash, legacyKey("Pinky"))}`], who: meena },
        {
          forms: [
            `m:${wordForm(hash, phoneticKey("Meena"))}`,
            `m:${wordForm(hash, legacyKey("Canarykar"))}`,
            `p:${pairForm(hash, phoneticKey("Meena"), legacyKey("Canarykar"))}`,
          ],
          who: meena,
        },
      ],
      [],
    );
    expect(findProtected("Pinky came", old).map((m) => m.replacement)).toEqual(["V-0060"]);
    expect(findProtected("Met Meena Canarykar", old).map((m) => m.replacement)).toEqual(["V-0060"]);
  });
});
