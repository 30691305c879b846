import { toCsv } from "~/lib/csv";
import type { Conn } from "#db/client";
import { auditActionLabels, auditDetail, auditRecord } from "~/lib/audit-labels";
import { addDays, formatDateTime } from "~/lib/dates";
import { label, roleLabels } from "~/lib/labels";
import { zonedWallTimeToInstant } from "~/lib/meeting-schedule";
import {
  auditFilterChoices,
  auditRecordName,
  listAuditEntries,
  verifyAuditLog,
  type AuditQuery,
  type AuditRow,
} from "~/models/audit.server";
import { getCollective } from "~/models/collective.server";
import type { AuditFilters } from "~/schemas/audit";

/** The filters as a query: dates are whole days in the collective's zone. */
export function auditQuery(collectiveId: number, filters: AuditFilters, timeZone: string): AuditQuery {
  return {
    collectiveId,
    person: filters.person,
    entity: filters.entity,
    record: filters.entity ? filters.record : undefined,
    action: filters.action,
    fromInstant: filters.from ? zonedWallTimeToInstant(filters.from, "00:00", timeZone).toISOString() : undefined,
    untilInstant: filters.to
      ? zonedWallTimeToInstant(addDays(filters.to, 1), "00:00", timeZone).toISOString()
      : undefined,
  };
}

/** One entry as a person reads it: who, when (in the collective's zone), what, on which record. */
export function readableEntry(row: AuditRow, timeZone: string) {
  return {
    id: row.id,
    when: formatDateTime(row.at, timeZone),
    who: row.userName ?? "The system",
    role: row.userRole ? label(roleLabels, row.userRole) : "",
    action: label(auditActionLabels, row.action),
    record: auditRecord(row.entity, row.entityId, row.recordName === null ? null : String(row.recordName)),
    entity: row.entity,
    entityId: row.entityId,
    detail: auditDetail(row.action, row.detail),
  };
}
export type ReadableEntry = ReturnType<typeof readableEntry>;

/** Everything the audit page shows, for one collective and one set of filters. */
export function auditPage(db: Conn, collectiveId: number, filters: AuditFilters) {
  const { timeZone } = getCollective(db, collectiveId);
  const list = listAuditEntries(db, auditQuery(collectiveId, filters, timeZone), filters.page ?? 1);
  const chain = verifyAuditLog(db, collectiveId);
  return {
    rows: list.rows.map((r) => readableEntry(r, timeZone)),
    total: list.total,
    page: list.page,
    pages: list.pages,
    choices: auditFilterChoices(db, collectiveId),
    recordShown:
      filters.entity && filters.record
        ? auditRecord(filters.entity, filters.record, auditRecordName(db, collectiveId, filters.entity, filters.record))
        : null,
    chain: chain.ok
      ? { ok: true as const, checked: chain.checked }
      : {
          ok: false as const,
          checked: chain.checked,
          brokenId: chain.broken.id,
          brokenWhen: formatDateTime(chain.broken.at, timeZone),
          reason: chain.broken.reason,
        },
  };
}

export const auditCsvColumns = ["Entry", "When", "Who", "Role", "Action", "Record", "Detail", "Hash"] as const;

export function auditCsv(rows: AuditRow[], timeZone: string): string {
  const lines = rows.map((row) => {
    const e = readableEntry(row, timeZone);
    return [e.id, e.when, e.who, e.role, e.action, e.record, e.detail, row.hash];
  });
  return toCsv(auditCsvColumns, lines);
}
