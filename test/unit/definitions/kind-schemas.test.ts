import type { TSchema } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { CatalogueDirectorySchema, ItemDomainLinkSchema, ItemSchema } from '../../../definitions/schemas/catalogue.js';
import { DomainSchema } from '../../../definitions/schemas/domain.js';
import { ExportTemplateSchema } from '../../../definitions/schemas/export-template.js';
import { FormSchema } from '../../../definitions/schemas/form.js';
import { ManifestSchema } from '../../../definitions/schemas/manifest.js';
import { DistributionRuleSchema, SystemParameterSchema } from '../../../definitions/schemas/parameters.js';
import { ServiceSchema } from '../../../definitions/schemas/service.js';
import { TimeLimitSchema } from '../../../definitions/schemas/time-limit.js';
import { VocabularySchema } from '../../../definitions/schemas/vocabulary.js';
import {
  directories,
  duplicates,
  exportTemplates,
  failures,
  forms,
  hotlineDomains,
  hotlineForms,
  hotlineLimits,
  hotlineLinks,
  hotlineManifest,
  ID,
  items,
  limits,
  parameters,
  rules,
  services,
  vocabularies,
} from './support/linkageData.js';

/**
 * Every file of the `linkage` and `hotline-12345` definition packages validates against its kind's
 * schema, and ids are well formed and unique within each kind.
 */

describe('linkage and hotline-12345 definitions validate against their kind schemas', () => {
  const cases: [string, TSchema, readonly unknown[]][] = [
    ['catalogue-directories.json', CatalogueDirectorySchema, directories],
    ['items.json', ItemSchema, items],
    ['forms/*.json', FormSchema, forms],
    ['vocabularies.json', VocabularySchema, vocabularies],
    ['system-parameters.json', SystemParameterSchema, parameters],
    ['distribution-rules.json', DistributionRuleSchema, rules],
    ['time-limits.json', TimeLimitSchema, limits],
    ['services.json', ServiceSchema, services],
    ['export-templates.json', ExportTemplateSchema, exportTemplates],
    ['hotline-12345/manifest.json', ManifestSchema, [hotlineManifest]],
    ['hotline-12345/domains.json', DomainSchema, hotlineDomains],
    ['hotline-12345/forms/*.json', FormSchema, hotlineForms],
    ['hotline-12345/time-limits.json', TimeLimitSchema, hotlineLimits],
    ['hotline-12345/item-domain-links.json', ItemDomainLinkSchema, hotlineLinks],
  ];

  it.each(cases)('%s', (_file, schema, definitions) => {
    expect(definitions.length).toBeGreaterThan(0);
    expect(failures(schema, definitions)).toEqual([]);
  });

  it('ids are lowercase ascii with dots and dashes, unique within each kind', () => {
    const kinds: [string, readonly { id: string }[]][] = [
      ['catalogueDirectory', directories],
      ['item', items],
      ['form', [...forms, ...hotlineForms]],
      ['timeLimit', [...limits, ...hotlineLimits]],
      ['service', services],
      ['exportTemplate', exportTemplates],
      ['distributionRule', rules],
      ['domain', hotlineDomains],
    ];
    for (const [kind, list] of kinds) {
      const ids = list.map((x) => x.id);
      expect({ kind, bad: ids.filter((id) => !ID.test(id)) }).toEqual({ kind, bad: [] });
      expect({ kind, duplicates: duplicates(ids) }).toEqual({ kind, duplicates: [] });
    }
  });
});
