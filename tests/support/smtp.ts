import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestSmtp = {
  /** smtp://127.0.0.1:<port>, for SMTP_URL or smtpTransport(). */
  url: string;
  port: number;
  /** Every message received, parsed, in order of arrival (kept across stop/restart). */
  messages: ParsedMail[];
  /** The same messages as the raw RFC 822 text the server received. */
  raw: string[];
  /** The SMTP envelope recipients (RCPT TO) of each message. */
  recipients: string[][];
  /** Stops listening; clients then get "connection refused", as from a server that is down. */
  stop: () => Promise<void>;
  /** Listens again on the same port. */
  restart: () => Promise<void>;
  /** Resolves with all messages once there are at least n; fails after timeoutMs. */
  waitFor: (n: number, timeoutMs?: number) => Promise<ParsedMail[]>;
};

/**
 * A real SMTP server on 127.0.0.1 (no TLS, any or no login) that keeps every message it receives.
 * `holdReply` picks messages the server receives whole but never answers, leaving the sender
 * waiting mid-send, as a sender killed at that moment would be.
 */
export async function startSmtp({ holdReply }: { holdReply?: (mail: ParsedMail) => boolean } = {}): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  const raw: string[] = [];
  const recipients: string[][] = [];
  let server: SMTPServer | null = null;

  const make = () =>
    new SMTPServer({
      secure: false,
      authOptional: true,
      allowInsecureAuth: true,
      disabledCommands: ["STARTTLS"],
      closeTimeout: 200,
      logger: false,
      onAuth(_auth, _session, callback) {
        callback(null, { user: "test" });
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("error", callback);
        stream.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          simpleParser(text)
            .then((mail) => {
              raw.push(text);
              recipients.push(session.envelope.rcptTo.map((r) => r.address));
              messages.push(mail);
              if (!holdReply?.(mail)) callback();
            })
            .catch(callback);
        });
      },
    });

  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const s = make();
      s.on("error", () => undefined); // connection-level errors (a client hanging up) are not test failures
      s.server.once("error", reject);
      s.listen(port, "127.0.0.1", () => {
        server = s;
        resolve((s.server.address() as { port: number }).port);
      });
    });

  const port = await listen(0);
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    raw,
    recipients,
    stop: () =>
      new Promise<void>((resolve) => {
        const s = server;
        server = null;
        if (!s) return resolve();
        s.close(() => resolve());
      }),
    restart: async () => {
      if (!server) await listen(port);
    },
    waitFor: async (n, timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs;
      while (messages.length < n) {
        if (Date.now() > until)
          throw new Error(`Expected ${n} messages at the test SMTP server, got ${messages.length}`);
        await new Promise((r) => setTimeout(r, 25));
      }
      return messages;
    },
  };
}
