import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import type { CatalogueDirectory, Item, ItemDomainLink } from '../../../../definitions/schemas/catalogue.js';
import type { Domain } from '../../../../definitions/schemas/domain.js';
import type { ExportTemplate } from '../../../../definitions/schemas/export-template.js';
import type { Form } from '../../../../definitions/schemas/form.js';
import type { Manifest } from '../../../../definitions/schemas/manifest.js';
import type { Department } from '../../../../definitions/schemas/organisation.js';
import type { DistributionRule, SystemParameter } from '../../../../definitions/schemas/parameters.js';
import type { Service } from '../../../../definitions/schemas/service.js';
import type { TimeLimit } from '../../../../definitions/schemas/time-limit.js';
import type { Vocabulary } from '../../../../definitions/schemas/vocabulary.js';

/**
 * Shared loading and helpers for the tests of the `linkage` and `hotline-12345` definition packages
 * (DEF-1..DEF-15, ACC-1, ACC-11): the packages' files read from disk, an ajv set up for definition
 * schemas, and small list helpers.
 */

// ajv-formats is CommonJS: its default export arrives wrapped under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as typeof addFormatsModule;

const root = join(dirname(fileURLToPath(import.meta.url)), '../../../../definitions/packages');
export const read = <T>(pkg: string, file: string): T => JSON.parse(readFileSync(join(root, pkg, file), 'utf8')) as T;
export const readDir = <T>(pkg: string, dir: string): T[] =>
  readdirSync(join(root, pkg, dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => read<T>(pkg, `${dir}/${f}`));

export const directories = read<CatalogueDirectory[]>('linkage', 'catalogue-directories.json');
export const items = read<Item[]>('linkage', 'items.json');
export const forms = readDir<Form>('linkage', 'forms');
export const vocabularies = read<Vocabulary[]>('linkage', 'vocabularies.json');
export const parameters = read<SystemParameter[]>('linkage', 'system-parameters.json');
export const rules = read<DistributionRule[]>('linkage', 'distribution-rules.json');
export const limits = read<TimeLimit[]>('linkage', 'time-limits.json');
export const services = read<Service[]>('linkage', 'services.json');
export const exportTemplates = read<ExportTemplate[]>('linkage', 'export-templates.json');
export const hotlineManifest = read<Manifest>('hotline-12345', 'manifest.json');
export const hotlineDomains = read<Domain[]>('hotline-12345', 'domains.json');
export const hotlineForms = readDir<Form>('hotline-12345', 'forms');
export const hotlineLimits = read<TimeLimit[]>('hotline-12345', 'time-limits.json');
export const hotlineLinks = read<ItemDomainLink[]>('hotline-12345', 'item-domain-links.json');
export const departments = read<Department[]>('demo-org', 'departments.json');

export function definitionAjv() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv;
}

const ajv = definitionAjv();
const compiled = new Map<TSchema, ValidateFunction>();
export function failures(schema: TSchema, definitions: readonly unknown[]) {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  const check = validate;
  return definitions.flatMap((definition, index) =>
    check(definition)
      ? []
      : [{ at: (definition as { id?: string }).id ?? index, errors: check.errors?.map((e) => `${e.instancePath} ${e.message}`) }],
  );
}

export const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));
export const duplicates = (values: readonly string[]) => values.filter((v, i) => values.indexOf(v) !== i);
export const ID = /^[a-z0-9][a-z0-9.-]*$/;
