import { describe, expect, it } from 'vitest';
import { deferred } from './deferred.ts';

interface Greeter {
  greet(name: string): Promise<string>;
}

describe('deferred', () => {
  it('imports nothing until the first call, then once', async () => {
    let loads = 0;
    const greeter = deferred<Greeter>(async () => {
      loads += 1;
      return { greet: async (name) => `你好, ${name}` };
    });
    expect(loads).toBe(0);
    expect(await greeter.greet('李')).toBe('你好, 李');
    expect(await greeter.greet('王')).toBe('你好, 王');
    expect(loads).toBe(1);
  });

  it('keeps the adapter as `this` and passes its errors through', async () => {
    class Failing implements Greeter {
      reason = 'no pool';
      async greet(): Promise<string> {
        throw new Error(this.reason);
      }
    }
    await expect(deferred<Greeter>(async () => new Failing()).greet('李')).rejects.toThrow('no pool');
  });

  it('tries the import again after it failed', async () => {
    let attempts = 0;
    const greeter = deferred<Greeter>(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('chunk missing');
      return { greet: async () => 'ok' };
    });
    await expect(greeter.greet('李')).rejects.toThrow('chunk missing');
    expect(await greeter.greet('李')).toBe('ok');
  });

  it('is not a thenable, so awaiting it does not call the adapter', async () => {
    let loads = 0;
    const greeter = deferred<Greeter>(async () => {
      loads += 1;
      return { greet: async () => 'ok' };
    });
    expect(await greeter).toBe(greeter);
    expect(loads).toBe(0);
  });

  it('answers what is known up front without importing anything', async () => {
    let loads = 0;
    const directory = deferred<Greeter & { createsSignIns?: boolean }>(
      async () => {
        loads += 1;
        return { greet: async (name) => name };
      },
      { createsSignIns: false },
    );
    expect(directory.createsSignIns).toBe(false);
    expect(loads).toBe(0);
  });
});
