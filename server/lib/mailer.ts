// Outgoing e-mail over SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. Without SMTP_URL
// there is no mailer: e-mail is off and in-app messages still work.
import nodemailer from 'nodemailer';
import type { Config } from '../config';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** our id of the message, sent as a header so a bounce can be traced */
  reference: string;
}

export interface Mailer {
  send(message: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(config.smtpUrl, {
    // a server that hangs must not hold a worker for long; the job is retried
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(m) {
      const info = await transport.sendMail({
        from: config.mailFrom,
        to: m.to,
        subject: m.subject,
        text: m.text,
        headers: { 'X-Zhengxuan-Message': m.reference },
      });
      const rejected = [...(info.rejected ?? [])];
      if (rejected.length) throw new Error(`收件地址被拒绝 rejected: ${rejected.join(', ')}`);
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
