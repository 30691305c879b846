import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export type TestSmtp = {
  url: string;
  port: number;
  messages: ParsedMail[];
  stop: () => Promise<void>;
  restart: () => Promise<void>;
  waitFor: (n: number, timeoutMs?: number) => Promise<ParsedMail[]>;
};

/** A real SMTP server on 127.0.0.1 that keeps every message it receives, parsed. */
export async function startSmtp(): Promise<TestSmtp> {
  const messages: ParsedMail[] = [];
  let server: SMTPServer;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      closeTimeout: 200,
      disabledCommands: ["STARTTLS"],
      logger: false,
      onData(stream, _session, callback) {
        simpleParser(stream)
          .then((mail) => {
            messages.push(mail);
            callback();
          })
          .catch(callback);
      },
    });
  const listen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      server = make();
      server.on("error", () => undefined);
      server.listen(port, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port));
      server.server.once("error", reject);
    });
  const port = await listen(0);
  const stop = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    stop,
    restart: async () => {
      await listen(port);
    },
    waitFor: async (n, timeoutMs = 10_000) => {
      const until = Date.now() + timeoutMs;
      while (messages.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 25));
      return messages;
    },
  };
}
