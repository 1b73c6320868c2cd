// A real SMTP server on loopback for tests: it accepts every message (or refuses the addresses
// asked for) and keeps them parsed, so a test reads recipient, subject and body as delivered.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  headers: Map<string, unknown>;
}

export interface TestSmtp {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** addresses whose RCPT TO is refused (a bounce at the door) */
  refuse: Set<string>;
  /** waits until `n` messages have arrived (or the time runs out) */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

export async function startTestSmtp(
  opts: { port?: number; onMail?: (mail: ReceivedMail) => void } = {},
): Promise<TestSmtp> {
  const mails: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address.toLowerCase()))
        return callback(new Error(`550 mailbox unavailable: ${address.address}`));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const mail = {
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            headers: parsed.headers,
          };
          mails.push(mail);
          opts.onMail?.(mail);
          callback();
        })
        .catch((e: Error) => callback(e));
    },
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    refuse,
    async waitFor(n, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (mails.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
