import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function messagesFor(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: file });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('engine purity (DESIGN principle 3)', () => {
  it.each([
    ["import { readFile } from 'node:fs/promises';", 'I/O belongs to runtime'],
    ["import fs from 'fs';", 'I/O belongs to runtime'],
    ["import { createConnection } from 'mysql2';", 'I/O belongs to runtime'],
    ["import Fastify from 'fastify';", 'I/O belongs to runtime'],
    ["import { readPackage } from '../runtime/definitions/readPackage.js';", 'may not depend on runtime'],
    ["import x from '../../plugins/sms/index.js';", 'may not depend on runtime/, designer/ or plugins/'],
    ['export const t = Date.now();', 'reads no clock'],
    ['export const t = new Date();', 'reads no clock'],
    ['export const r = Math.random();', 'makes no randomness'],
    ['export const id = crypto.randomUUID();', 'makes no ids'],
    ['export const e = process.env.X;', 'reads no environment'],
  ])('refuses %s under engine/', async (code, expected) => {
    const messages = await messagesFor(code, 'engine/decide/example.ts');
    expect(messages.join('\n')).toContain(expected);
  });

  it('allows the same code outside engine/ and pure code inside it', async () => {
    expect((await messagesFor("import { readFile } from 'node:fs/promises';\nexport { readFile };", 'runtime/example.ts')).join('\n')).not.toContain('engine/');
    expect(await messagesFor('export const at = (now: number) => new Date(now).toISOString();', 'engine/decide/example.ts')).toEqual([]);
  });
});
