import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { schemaFiles, schemaText } from '../../../runtime/cli/commands/schemas.js';

const dir = join(process.cwd(), 'definitions/schemas/json');

describe('DESIGN principle 1: one JSON Schema per definition kind', () => {
  it('the committed JSON Schemas match the TypeBox sources (run `npx tongguan schemas` after a schema change)', async () => {
    const files = schemaFiles();
    expect((await readdir(dir)).sort()).toEqual([...files.keys()].sort());
    for (const [name, schema] of files) {
      expect(await readFile(join(dir, name), 'utf8'), name).toBe(schemaText(schema));
    }
  });

  it('every exported schema compiles as JSON Schema on its own', async () => {
    for (const [name] of schemaFiles()) {
      const ajv = new Ajv({ strict: false });
      const schema = JSON.parse(await readFile(join(dir, name), 'utf8')) as object;
      expect(() => ajv.compile(schema), name).not.toThrow();
    }
  });
});
