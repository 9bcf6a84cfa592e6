import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { definitionKinds } from '../../../definitions/schemas/index.js';
import { ManifestSchema } from '../../../definitions/schemas/manifest.js';
import { ExitCodes, type CliIo } from '../output.js';

/** Every definition kind's JSON Schema by file name (kebab-case kind), plus the package manifest. */
export function schemaFiles(): Map<string, unknown> {
  const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const files = new Map<string, unknown>([['manifest.schema.json', ManifestSchema]]);
  for (const k of definitionKinds) files.set(`${kebab(k.kind)}.schema.json`, k.schema);
  return files;
}

export function schemaText(schema: unknown): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * `tongguan schemas [--out dir]`: writes the JSON Schema of every definition kind, for editors and
 * tools outside TypeScript (the TypeBox sources in definitions/schemas are the truth).
 */
export async function schemasCommand(out: string, io: CliIo): Promise<number> {
  await mkdir(out, { recursive: true });
  const files = schemaFiles();
  for (const [name, schema] of files) await writeFile(join(out, name), schemaText(schema));
  io.out(`wrote ${files.size} JSON Schemas to ${out}\n`);
  return ExitCodes.clean;
}
