import type { Knex } from '@mikro-orm/knex';
import { createBundle, formatFinding, type Bundle } from '../../engine/index.js';
import { hashPassword } from '../auth/passwords.js';
import { builtInPackagesDir, readPackageWithDependencies } from '../definitions/readPackage.js';
import { seedKnowledge } from '../recommendations/knowledgeSeed.js';
import type { BundleStore } from './bundleStore.js';

/** The built-in packages as one bundle (linkage, hotline-12345 and what they depend on). */
export async function builtInBundle(): Promise<Bundle> {
  const { bundle, findings } = createBundle(await readPackageWithDependencies(`${builtInPackagesDir}/hotline-12345`));
  if (!bundle) throw new Error(`built-in definitions do not validate:\n${findings.map(formatFinding).join('\n')}`);
  return bundle;
}

export interface SeedResult {
  readonly published: boolean;
  readonly orgSeeded: boolean;
}

/**
 * First start: publishes the built-in definitions and loads the demo organisation, once. A second
 * start finds them and changes nothing.
 */
export async function seed(knex: Knex, store: BundleStore, demoPassword: string, now: number): Promise<SeedResult> {
  const bundle = await builtInBundle();
  const hasBundle = await knex('bundles').first('version');
  if (!hasBundle) await store.publish(bundle, 'system', now);
  const hasOrg = await knex('departments').first('id');
  if (!hasOrg) {
    const { department, grid, user } = bundle.defs;
    const hash = await hashPassword(demoPassword);
    await knex.transaction(async (trx) => {
      await trx('departments').insert(Object.values(department).map((d) => ({
        id: d.id, name: d.name, name_en: d.nameEn ?? null, parent: d.parent ?? null, level: d.level, kind: d.kind, independent: d.independent, region_code: d.regionCode ?? null, enabled: d.enabled,
      })));
      await trx('grids').insert(Object.values(grid).map((g) => ({
        id: g.id, name: g.name, name_en: g.nameEn ?? null, community: g.community, geometry: g.geometry ? JSON.stringify(g.geometry) : null,
        keywords: g.keywords ? JSON.stringify(g.keywords) : null, enabled: g.enabled,
      })));
      const users = Object.values(user).map((u) => ({
        id: u.id, login: u.login, name: u.name, gender: u.gender, phone: u.phone, department: u.department, roles: JSON.stringify(u.roles),
        password_hash: hash, failed_logins: 0, locked_until: null, enabled: u.enabled,
      }));
      for (let i = 0; i < users.length; i += 50) await trx('users').insert(users.slice(i, i + 50));
    });
    store.orgChanged();
  }
  await seedKnowledge(knex, now); // ACC-2: built-in knowledge articles while the knowledge base is empty
  return { published: !hasBundle, orgSeeded: !hasOrg };
}
