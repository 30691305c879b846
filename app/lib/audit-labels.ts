// The audit log in words: what each recorded action and record kind means to the person reading it.

export const auditActionLabels: Record<string, string> = {
  "view:restricted": "Viewed restricted fields",
  create: "Created",
  update: "Changed",
  transfer: "Recorded a transfer",
  password_link: "Issued a set-password link",
  password_set: "Set their password from a set-password link",
  "update:attendance": "Saved the attendance",
  held: "Marked the meeting held",
  publish: "Published the agenda",
  reschedule: "Rescheduled",
  cancel: "Cancelled",
  "circulate:minutes": "Circulated the minutes",
  "confirm:minutes": "Confirmed the minutes",
  "amend:minutes": "Recorded an amendment to the minutes",
  "add:event": "Added a case event",
  "add:victim": "Added a victim",
  "update:victim": "Updated a victim's services",
  "add:accused": "Added an accused",
  "fingerprint:victim": "Recorded a victim's identity for matching",
  "fingerprint:accused": "Recorded an accused's identity for matching",
  "match:confirmed": "Confirmed an identity match",
  "match:dismissed": "Dismissed an identity match",
  "leak:blocked": "Blocked a document holding a protected name or FIR",
  "input:refused": "Refused text holding a protected name or FIR",
  "scan:redaction": "Scanned stored text for protected names",
  "redact:minutes": "Redacted a frozen version of the minutes",
  "redact:agenda": "Redacted a frozen version of the agenda",
  "raise:matter": "Raised a matter for the agenda",
  retry: "Sent an email again",
  download: "Downloaded",
  disable: "Disabled an account",
  enable: "Enabled an account",
  backup: "Backed up the data",
  restore: "Restored the data from a backup",
  "import:cases": "Imported a case register",
  "export:archive": "Exported the archive",
};

export const auditEntityLabels: Record<string, string> = {
  case: "Case",
  meeting: "Meeting",
  department: "Department",
  tenure: "Tenure",
  user: "Account",
  action_item: "Action item",
  collective: "The collective",
  agenda_weights: "Agenda rules",
  participation_indicators: "Participation indicators",
  mail: "Email",
  document: "Outgoing document",
  form: "Form",
  report: "Report",
  audit: "The audit log",
  data: "The data",
};

const restrictedFieldLabels: Record<string, string> = { fir: "FIR number", accused: "accused", notes: "event notes" };

/** The detail column in words where it is a code; otherwise as written (ids, versions, file names). */
export function auditDetail(action: string, detail: string | null): string {
  if (!detail) return "";
  if (action === "view:restricted")
    return detail
      .split(",")
      .map((f) => restrictedFieldLabels[f] ?? f)
      .join(", ");
  return detail;
}

/** "Case DEM-2026-0042", "Meeting 7", "Department Police (AHTU)": the record an entry is about. */
export function auditRecord(entity: string, entityId: number | null, name: string | null): string {
  const kind = auditEntityLabels[entity] ?? entity.replace(/_/g, " ");
  if (entityId === null) return kind;
  return `${kind} ${name ?? `#${entityId}`}`;
}
