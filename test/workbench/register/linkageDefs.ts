import type { ButtonType } from '../../../definitions/schemas/button';
import type { CatalogueDirectory, Item } from '../../../definitions/schemas/catalogue';
import type { Domain } from '../../../definitions/schemas/domain';
import type { Flow } from '../../../definitions/schemas/flow';
import type { Form } from '../../../definitions/schemas/form';
import buttonTypes from '../../../definitions/packages/linkage/button-types.json';
import directories from '../../../definitions/packages/linkage/catalogue-directories.json';
import domains from '../../../definitions/packages/linkage/domains.json';
import general from '../../../definitions/packages/linkage/flows/general.json';
import defaultForm from '../../../definitions/packages/linkage/forms/default.json';
import garbageForm from '../../../definitions/packages/linkage/forms/exposed-garbage.json';
import items from '../../../definitions/packages/linkage/items.json';
import type { FlowNames } from '../../../designer/shared/catalogue/CatalogueContext';

/** The built-in linkage package as the workbench catalogue carries it. */
export const linkage = {
  buttons: buttonTypes as unknown as ButtonType[],
  directories: directories as unknown as CatalogueDirectory[],
  domains: domains as unknown as Domain[],
  items: items as unknown as Item[],
  forms: [defaultForm, garbageForm] as unknown as Form[],
  flow: general as unknown as Flow,
};

export const form = (id: string) => linkage.forms.find((f) => f.id === id);
export const button = (id: string) => linkage.buttons.find((b) => b.id === id);
export const item = (id: string) => linkage.items.find((i) => i.id === id)!;

/** The flow as GET /api/workbench/catalogue lists it (runtime/http/routes/workbench.ts). */
export const flowNames: FlowNames = {
  id: linkage.flow.id, name: linkage.flow.name, ...(linkage.flow.nameEn ? { nameEn: linkage.flow.nameEn } : {}), initial: linkage.flow.initial,
  nodes: Object.fromEntries(linkage.flow.nodes.map((n) => [n.id, { name: n.name ?? n.id, ...(n.nameEn ? { nameEn: n.nameEn } : {}) }])),
  transitions: linkage.flow.transitions.filter((t) => t.button).map((t) => ({ from: t.from, button: t.button!, ...(t.to ? { to: t.to } : {}) })),
};
