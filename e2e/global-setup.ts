// A real SMTP server on loopback for the journeys: the platform under test sends its e-mail there
// (SMTP_URL in playwright.config.ts), and each message is written as JSON to E2E_MAIL_DIR, where
// a journey reads it (readMails in helpers.ts). The server's clock starts at the real time
// (e2e/clock-offset.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { startTestSmtp } from '../test/harness/smtp';

export default async function globalSetup() {
  const dir = process.env.E2E_MAIL_DIR!;
  fs.rmSync(dir, { recursive: true, force: true }); // a run of an earlier process with this port
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(process.env.E2E_CLOCK_FILE!, { force: true }); // the server starts at the real time
  let n = 0;
  const smtp = await startTestSmtp({
    port: Number(process.env.E2E_SMTP_PORT),
    onMail(mail) {
      const file = path.join(dir, `${Date.now()}-${String(++n).padStart(5, '0')}.json`);
      fs.writeFileSync(
        file,
        JSON.stringify({ to: mail.to, subject: mail.subject, text: mail.text }),
      );
    },
  });
  return async () => {
    await smtp.close();
  };
}
