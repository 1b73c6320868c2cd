// A real SMTP server on loopback for the journeys: the platform under test sends its e-mail there
// (SMTP_URL in playwright.config.ts), and each message is written as JSON to E2E_MAIL_DIR, where
// a journey reads it (readMails in helpers.ts).
import fs from 'node:fs';
import path from 'node:path';
import { startTestSmtp } from '../test/harness/smtp';

export default async function globalSetup() {
  const dir = process.env.E2E_MAIL_DIR!;
  fs.rmSync(dir, { recursive: true, force: true }); // a run of an earlier process with this port
  fs.mkdirSync(dir, { recursive: true });
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
