import { describe, expect, it } from 'vitest';
import { builtIn, fixture, run } from './cliSupport.js';

describe('tongguan compile <dir>', () => {
  it('prints the bundle hash, packages, states with statuses, transitions with guards and rule counts', async () => {
    const { code, out } = await run('compile', builtIn('linkage'));
    expect(code).toBe(0);
    expect(out).toMatch(/^bundle [0-9a-f]{64}$/m);
    expect(out).toMatch(/^packages: calendar-cn@1\.0\.0, demo-org@0\.1\.0, linkage@1\.0\.0$/m);
    expect(out).toMatch(/^flow flow\.linkage — .*\(ticket; initial registration; taskFlow flow\.linkage\.task; applicationFlow flow\.linkage\.application\)$/m);
    expect(out).toMatch(/^ {4}acceptance +事件受理 — 10 待受理 · role acceptor/m);
    expect(out).toMatch(/^ {4}closed \(final\) +已结案 — 90 已结案 · none$/m);
    expect(out).toMatch(/^ {4}registration --grid\.report--> acceptance$/m);
    expect(out).toMatch(/--acc\.directReply--> callback \[ticket\.callbackWanted\]$/m);
    expect(out).toMatch(/^ {2}rules: \d+ \(\d+ transition guards, \d+ button visibility rules\)$/m);
    expect(out).toMatch(/^linkage: 3 flows compiled; lint 0 errors, .* — clean$/m);
  });

  it('--json gives the compiled flows as data', async () => {
    const { code, out } = await run('compile', builtIn('linkage'), '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out) as { hash: string; flows: { id: string; states: { id: string; statuses: { value: number }[] }[]; transitions: unknown[] }[] };
    expect(report.hash).toMatch(/^[0-9a-f]{64}$/);
    const task = report.flows.find((f) => f.id === 'flow.linkage.task');
    expect(task?.states.find((s) => s.id === 'pending')?.statuses[0]?.value).toBe(30);
    expect(task?.transitions.length).toBeGreaterThan(0);
  });

  it('exits 1 with the lint errors of a broken package', async () => {
    const { code, out } = await run('compile', fixture('dispatch-unknown-department'));
    expect(code).toBe(1);
    expect(out).toMatch(/^ERROR LINT_DISPATCH_UNKNOWN_DEPARTMENT /m);
  });

  it('exits 1 without compiling when the schemas fail, 2 when the folder is not a package', async () => {
    const bad = await run('compile', fixture('eng-schema'));
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/eng-schema: not compiled/);
    expect((await run('compile', fixture('does-not-exist'))).code).toBe(2);
  });
});

describe('tongguan check', () => {
  it('validates, lints and compiles the built-in packages', async () => {
    const { code, out } = await run('check');
    expect(code).toBe(0);
    expect(out).toMatch(/^linkage: bundle [0-9a-f]{12} · 3 flows · /m);
    expect(out).toMatch(/^hotline-12345: bundle [0-9a-f]{12} · /m);
    expect(out).toMatch(/valid, lint-clean and compiled/);
  });
});
