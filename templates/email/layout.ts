// The frame every email shares: plain, readable, and safe to forward. Templates are pure:
// data in, { subject, html, text } out. They never receive a restricted field.

export type Email = { subject: string; html: string; text: string };

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

export type Block = { heading?: string; lines?: string[]; list?: string[]; link?: { href: string; label: string } };

export function renderEmail({
  subject,
  greeting,
  blocks,
  footer,
}: {
  subject: string;
  greeting: string;
  blocks: Block[];
  footer: string;
}): Email {
  const html = [
    `<!doctype html><html lang="en-IN"><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#16202a;max-width:640px;margin:0 auto;padding:16px">`,
    `<p>${escapeHtml(greeting)}</p>`,
    ...blocks.map((b) =>
      [
        b.heading ? `<h2 style="font-size:18px;margin:20px 0 8px">${escapeHtml(b.heading)}</h2>` : "",
        ...(b.lines ?? []).map((l) => `<p style="margin:4px 0">${escapeHtml(l)}</p>`),
        b.list?.length ? `<ul>${b.list.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>` : "",
        b.link
          ? `<p><a href="${escapeHtml(b.link.href)}" style="color:#0b4f9c">${escapeHtml(b.link.label)}</a></p>`
          : "",
      ].join(""),
    ),
    `<hr style="border:none;border-top:1px solid #c9d1d9;margin:24px 0"><p style="font-size:13px;color:#4a5560">${escapeHtml(footer)}</p>`,
    `</body></html>`,
  ].join("\n");
  const text = [
    greeting,
    "",
    ...blocks.flatMap((b) => [
      ...(b.heading ? [b.heading.toUpperCase(), ""] : []),
      ...(b.lines ?? []),
      ...(b.list ?? []).map((l) => `- ${l}`),
      ...(b.link ? [`${b.link.label}: ${b.link.href}`] : []),
      "",
    ]),
    "--",
    footer,
  ].join("\n");
  return { subject, html, text };
}

export const confidentialityFooter =
  "Sent by TESTA Desk for the members of the collective. Cases are referred to by code only; please do not forward this message outside the collective.";
