import { describe, expect, it } from 'vitest';
import { buildItemTree, directoryPath, itemsOfDomain, type ItemNode } from '../../../designer/workbench/src/forms/widgets/itemTree';
import { localName } from '../../../designer/shared/i18n';
import { item, linkage } from '../register/linkageDefs';

const leaves = (nodes: ItemNode[]): string[] => nodes.flatMap((n) => (n.kind === 'item' ? [n.value] : leaves(n.children ?? [])));
const paths = (nodes: ItemNode[], above: string[] = []): string[] => nodes.flatMap((n) => (n.kind === 'item' ? [[...above, n.title].join(' > ')] : paths(n.children ?? [], [...above, n.title])));

describe('ACC-1 item search across catalogue directories', () => {
  const all = itemsOfDomain(linkage.items, 'linkage');

  it('finds 暴露垃圾 by part of its name, under its directories, and only selectable as an item', () => {
    const tree = buildItemTree(linkage.directories, all, '暴露');
    expect(paths(tree)).toEqual(['市容环境 > 环境卫生 > 暴露垃圾（2000000001）']);
    expect(tree[0]).toMatchObject({ kind: 'directory', selectable: false });
  });

  it('finds an item by its code and by a keyword', () => {
    expect(leaves(buildItemTree(linkage.directories, all, '2000020002'))).toEqual(['item.wzgg']);
    expect(leaves(buildItemTree(linkage.directories, all, '垃圾未清运'))).toEqual(['item.bllj']);
  });

  it('a directory name brings all its items; no match leaves no directories', () => {
    const inDir = all.filter((i) => i.directory === 'dir.srhj.hjws').map((i) => i.id).sort();
    expect(leaves(buildItemTree(linkage.directories, all, '环境卫生')).sort()).toEqual(expect.arrayContaining(inDir));
    expect(buildItemTree(linkage.directories, all, '没有这种事项')).toEqual([]);
  });

  it('without a search every enabled item of the domain is in the tree; other domains\u2019 items are not', () => {
    expect(leaves(buildItemTree(linkage.directories, all)).sort()).toEqual(all.map((i) => i.id).sort());
    expect(itemsOfDomain(linkage.items, 'hotline')).toEqual([]);
    expect(directoryPath(linkage.directories, item('item.bllj'))).toEqual(['市容环境', '环境卫生']);
  });

  it('X-4 in English: items and directories by their English names, searchable in English', () => {
    const en = (d: { name: string; nameEn?: string }) => localName(d, 'en-US');
    expect(paths(buildItemTree(linkage.directories, all, 'exposed garb', en))).toEqual(['City Appearance & Environment > Environmental Sanitation > Exposed garbage（2000000001）']);
    const inDir = all.filter((i) => i.directory === 'dir.srhj.hjws').map((i) => i.id).sort();
    expect(leaves(buildItemTree(linkage.directories, all, 'Sanitation', en)).sort()).toEqual(inDir);
    expect(directoryPath(linkage.directories, item('item.bllj'), en)).toEqual(['City Appearance & Environment', 'Environmental Sanitation']);
  });
});
