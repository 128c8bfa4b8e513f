import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSystem, type System } from '../src';

// starting eight processes takes ~30 s on an idle 2-core machine, minutes when other suites share it
jest.setTimeout(600_000);

let system: System;
beforeAll(async () => {
  // at info each process logs its start, which the log check below counts
  system = await startSystem({ env: { LOG_LEVEL: 'info' } });
});
afterAll(async () => {
  await system?.close();
});

describe('the stack as npm start runs it, in a namespace of its own', () => {
  it('when a demo user logs in at the gateway, then /auth/me names that user and role', async () => {
    const officer = await system.login('officer@demo.vn');
    const me = await officer.get('/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: 'officer@demo.vn', role: 'officer' });
  });

  it('when a service is killed with SIGKILL, then the supervisor restarts it and the gateway serves its routes again', async () => {
    const employer = await system.login('employer@demo.vn');
    expect((await employer.get('/api/employers/jobs')).status).toBe(200);
    const before = system.stack.supervisor.child('employers')!.pid;
    expect(system.stack.supervisor.kill('employers')).toBe(true);
    await system.stack.waitHealthy('employers', 120_000);
    const after = system.stack.supervisor.child('employers')?.pid;
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    expect((await employer.get('/api/employers/jobs')).status).toBe(200);
    // both lives of the process wrote into the same log file (the restarted one appends)
    const log = readFileSync(join(system.stack.logDir, 'employers.log'), 'utf8');
    expect(log.match(/employers listening/g)?.length).toBeGreaterThanOrEqual(2);
  });
});
