// Outgoing e-mail over SMTP (nodemailer), configured by SMTP_URL and MAIL_FROM. Without SMTP_URL
// there is no mailer: e-mail is off and in-app messages still work.
import nodemailer from 'nodemailer';
import SMTPPool from 'nodemailer/lib/smtp-pool';
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

/**
 * SMTP connections the mailer keeps open and reuses (nodemailer's pool): a new connection per
 * message costs more than the message itself. The e-mail worker sends this many at once.
 */
export const SMTP_CONNECTIONS = 10;

export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): Mailer | null {
  if (!config.smtpUrl) return null;
  // The options go to the transport itself: next to a URL string, nodemailer's second argument is
  // only the messages' defaults, where the timeouts would be ignored.
  const transport = nodemailer.createTransport(
    new SMTPPool({
      url: config.smtpUrl,
      pool: true,
      maxConnections: SMTP_CONNECTIONS,
      maxMessages: 100, // then a fresh connection
      // a server that hangs must not hold a worker for long; the job is retried
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    }),
  );
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
