const labels: Record<string, { text: string; tone: string }> = {
  planned: { text: "Planned", tone: "badge--warn" },
  agenda_published: { text: "Agenda published", tone: "badge--open" },
  held: { text: "Held", tone: "badge--closed" },
  cancelled: { text: "Cancelled", tone: "badge--danger" },
};

export function MeetingStatus({ status }: { status: string }) {
  const l = labels[status] ?? { text: status, tone: "" };
  return <span className={`badge ${l.tone}`}>{l.text}</span>;
}
