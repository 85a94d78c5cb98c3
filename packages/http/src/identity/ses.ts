import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Mailer } from '@shegong/core';

const client = new SESv2Client({});

/** Invitation mail through SES, bilingual, plain text: the link is the whole message. */
export class SesMailer implements Mailer {
  constructor(private readonly from: string) {}

  async sendInvitation(input: { to: string; link: string; tenantName: string; expiresOn: string }): Promise<void> {
    const day = input.expiresOn.slice(0, 10);
    const text = [
      `${input.tenantName} 邀请你加入社工平台（Shegong）。`,
      `请在 ${day} 前打开以下链接设置密码：`,
      input.link,
      '',
      `${input.tenantName} invites you to Shegong. Open the link before ${day} to choose your password.`,
    ].join('\n');
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: [input.to] },
        Content: {
          Simple: {
            Subject: { Data: `邀请加入 ${input.tenantName} · Invitation to Shegong`, Charset: 'UTF-8' },
            Body: { Text: { Data: text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
  }
}
