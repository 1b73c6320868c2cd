// A minimal SMTP server on loopback for the delivery bench, run as a child process so its work and
// memory stay out of the measured server process. It accepts everything, reads no more than the
// X-Zhengxuan-Message header, and counts messages per recipient and per outbound e-mail id.
// Prints {"port":N} when listening; on a line "report" on stdin prints the counts as JSON.
import readline from 'node:readline';
import { SMTPServer } from 'smtp-server';

const perRecipient = new Map<string, number>();
const perMessage = new Map<string, number>();
let total = 0;
let connections = 0;

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  maxClients: 1000,
  // a real MTA's lookups are not what is measured here
  disableReverseLookup: true,
  onConnect(_session, callback) {
    connections++;
    callback();
  },
  onData(stream, session, callback) {
    let head = '';
    stream.on('data', (b: Buffer) => {
      if (head.length < 4096) head += b.toString('latin1');
    });
    stream.on('end', () => {
      total++;
      for (const r of session.envelope.rcptTo)
        perRecipient.set(r.address, (perRecipient.get(r.address) ?? 0) + 1);
      const ref = /^X-Zhengxuan-Message:\s*(\S+)/im.exec(head)?.[1];
      if (ref) perMessage.set(ref, (perMessage.get(ref) ?? 0) + 1);
      callback();
    });
  },
});

server.listen(0, '127.0.0.1', () => {
  const { port } = server.server.address() as { port: number };
  process.stdout.write(`${JSON.stringify({ port })}\n`);
});

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'report') return;
  const dupRecipients = [...perRecipient.values()].filter((n) => n > 1).length;
  const dupMessages = [...perMessage.values()].filter((n) => n > 1).length;
  process.stdout.write(
    `${JSON.stringify({
      total,
      connections,
      recipients: perRecipient.size,
      messages: perMessage.size,
      dupRecipients,
      dupMessages,
    })}\n`,
  );
});
process.stdin.on('end', () => server.close(() => process.exit(0)));
