import nodemailer from "nodemailer";

/** One email: plain text with an HTML alternative. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends email for the store server; `close` ends its SMTP connections. */
export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

export interface SmtpMailerOptions {
  /** `smtp://host:port` or `smtps://host:port`, with optional `user:password@`. */
  smtpUrl: string;
  /** The From address, such as `"Demo store" <receipts@example.com>`. */
  from: string;
}

/** Timeouts for the SMTP connection, greeting and idle socket, in milliseconds. */
const connectionTimeoutMs = 10_000;
const greetingTimeoutMs = 10_000;
const socketTimeoutMs = 30_000;

/** Creates a mailer that sends each message over SMTP to the server named by `smtpUrl`. */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  const url = parseSmtpUrl(options.smtpUrl);
  // Without a port, smtps:// uses implicit TLS on 465 and smtp:// submission on 587.
  const defaultPort = url.protocol === "smtps:" ? 465 : 587;
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port === "" ? defaultPort : Number(url.port),
    secure: url.protocol === "smtps:",
    ...(url.username === ""
      ? {}
      : {
          auth: {
            user: decodeURIComponent(url.username),
            pass: decodeURIComponent(url.password),
          },
        }),
    connectionTimeout: connectionTimeoutMs,
    greetingTimeout: greetingTimeoutMs,
    socketTimeout: socketTimeoutMs,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: options.from, ...message });
      return { messageId: String(info.messageId) };
    },
    close() {
      transport.close();
    },
  };
}

/**
 * Parses `SMTP_URL`; raises an error naming the value, with any user and password masked, when
 * it is not an smtp:// or smtps:// URL with a host.
 */
export function parseSmtpUrl(text: string): URL {
  const shown = text.replace(/\/\/[^@/]*@/, "//***@");
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`SMTP_URL "${shown}" is not a URL: set it like smtp://127.0.0.1:2525`);
  }
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new Error(
      `SMTP_URL "${shown}" must start with smtp:// or smtps://, as in smtp://127.0.0.1:2525`,
    );
  }
  if (url.hostname === "") {
    throw new Error(`SMTP_URL "${shown}" names no host: set it like smtp://127.0.0.1:2525`);
  }
  return url;
}
