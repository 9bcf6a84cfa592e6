import { describe, expect, it } from 'vitest';
import { byId, duplicates, hotlineDomains, hotlineLinks, hotlineManifest, items } from './support/linkageData.js';

/**
 * Content of the `hotline-12345` definition package (DEF-1): its manifest, its domain and the
 * `linkage` items it links.
 */

describe('DEF-1 hotline-12345 package', () => {
  it('depends on linkage and declares the 12345 domain with its flow, form and RX prefix', () => {
    expect(hotlineManifest).toMatchObject({ name: 'hotline-12345', title: '12345热线', version: '1.0.0', dependsOn: ['linkage'] });
    expect(hotlineDomains).toEqual([
      expect.objectContaining({ id: 'hotline-12345', name: '12345热线', flow: 'flow.hotline', form: 'form.hotline', ticketPrefix: 'RX', enabled: true }),
    ]);
  });

  it('links at least 15 enabled linkage items, each once, with the hotline overall limit', () => {
    const itemsById = byId(items);
    expect(hotlineLinks.length).toBeGreaterThanOrEqual(15);
    expect(duplicates(hotlineLinks.map((l) => l.item))).toEqual([]);
    for (const link of hotlineLinks) {
      expect(itemsById.get(link.item)?.enabled, link.item).toBe(true);
      expect(link.domain).toBe('hotline-12345');
      expect(link.overallLimit).toBe('tl.hotline.5wd');
    }
  });
});
