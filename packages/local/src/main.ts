/**
 * `pnpm start`: the local system on http://localhost:3000 with DynamoDB Local on port 8000 and
 * its data under <repo>/.data, so work survives a restart. PORT and DYNAMO_PORT override the ports;
 * ISSUER=keycloak serves the sign-in at Keycloak's paths (/realms/shegong/…), as a China deployment's
 * provider would.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalSystemError } from './dynamodb-local.ts';
import { KIND_LABELS, ROLE_LABELS } from './labels.ts';
import { DEMO_INVITATION, DEMO_PASSWORD, DEMO_USERS } from './seed/demo-data.ts';
import { type LocalSystem, startLocalSystem } from './system.ts';
import { textTable } from './terminal.ts';

// From this file, not the working directory: `pnpm start` may be run from anywhere in the repo.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = resolve(repoRoot, '.data');

// The AWS SDK warns on Node 20 about releases from 2027 on (TOOLCHAIN.md): noise on a developer's console.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let system: LocalSystem | undefined;
let exitingSince: number | undefined;

/**
 * Stops the server and DynamoDB Local, then exits. Ctrl-C reaches this process twice (from the
 * terminal and relayed by tsx), so only a signal more than a second after the first forces the exit.
 */
async function shutdown(code: number): Promise<never> {
  if (exitingSince !== undefined) {
    if (Date.now() - exitingSince > 1000) process.exit(code);
    return new Promise<never>(() => {});
  }
  exitingSince = Date.now();
  try {
    await system?.stop();
  } finally {
    // process.exit also runs the hook that kills a Java child still standing.
    process.exit(code);
  }
}

function fail(error: unknown): Promise<never> {
  // A problem the user can fix is one sentence; anything else keeps its stack for whoever debugs it.
  console.error(error instanceof LocalSystemError ? error.message : error);
  return shutdown(1);
}

process.on('SIGINT', () => {
  if (exitingSince === undefined) console.log('\n正在停止 · Stopping…');
  void shutdown(0);
});
process.on('SIGTERM', () => void shutdown(0));
process.on('uncaughtException', (error) => void fail(error));
process.on('unhandledRejection', (error) => void fail(error));

function portFrom(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new LocalSystemError(`${name}=${value} is not a port number: use a whole number from 1 to 65535.`);
  }
  return port;
}

function banner(running: LocalSystem, dynamoPort: number): string {
  const seconds = (performance.now() / 1000).toFixed(1);
  const rows = DEMO_USERS.map((user) => [
    user.email,
    user.tenant.name,
    `${ROLE_LABELS[user.role].zh} ${user.role}`,
    DEMO_PASSWORD,
  ]);
  const invitation = running.seed?.invitationToken
    ? [
        '',
        `待接受的邀请 Pending invitation for ${DEMO_INVITATION.email} (${DEMO_INVITATION.tenant.name}), shown this once:`,
        `  ${running.url}/invite/${running.seed.invitationToken}`,
      ]
    : [];
  const kinds = Object.values(KIND_LABELS)
    .map((k) => k.zh)
    .join(' · ');
  return [
    '',
    `Shegong 社工 本地系统 · local system — ready in ${seconds} s`,
    '',
    `  网址 URL        ${running.url}`,
    `  接口文档 API    ${running.url}/v1/docs`,
    `  数据 Data       ${dataDir} (DynamoDB Local on port ${dynamoPort})`,
    '',
    `演示账号 Demo sign-ins (${kinds}) — every one uses the password ${DEMO_PASSWORD}`,
    '',
    textTable(['邮箱 E-mail', '机构 Tenant', '角色 Role', '密码 Password'], rows)
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n'),
    ...invitation,
    '',
    '按 Ctrl-C 停止 · Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

try {
  const port = portFrom('PORT', 3000);
  const dynamoPort = portFrom('DYNAMO_PORT', 8000);
  const issuerShape = process.env.ISSUER === 'keycloak' ? 'keycloak' : 'local';
  system = await startLocalSystem({ port, dynamoPort, dataDir, tableName: 'shegong', seed: true, issuerShape });
  console.log(banner(system, dynamoPort));
  const running = system;
  void running.dynamoExited.then((code) => {
    if (exitingSince !== undefined) return;
    console.error(
      `DynamoDB Local stopped unexpectedly (exit code ${code}), so Shegong stops too: run pnpm start again.`,
    );
    void shutdown(1);
  });
} catch (error) {
  await fail(error);
}
