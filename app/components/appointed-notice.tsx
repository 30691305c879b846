/** An administrator the state has just appointed: their welcome email is on its way, and the link in it shown once. */
export function AppointedNotice({
  appointment: a,
  collectiveName,
}: {
  appointment: { name: string; email: string; link: string; expiresOn: string };
  collectiveName: string;
}) {
  return (
    <section className="card" aria-labelledby="appointed">
      <h2 id="appointed">
        {a.name} administers {collectiveName}
      </h2>
      <p role="status">
        A welcome email with the link to set a password has been sent to {a.email}. If it does not arrive, give them the
        link yourself: it works once, and expires on {a.expiresOn}. It is not shown again.
      </p>
      <p>
        <code className="link-box">{a.link}</code>
      </p>
    </section>
  );
}
