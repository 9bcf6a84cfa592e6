import { describe, expect, it } from 'vitest';
import { definitionKinds } from '../../definitions/schemas/index';
import { i18next } from '../../designer/shared/i18n';
import type { Json } from '../../designer/studio/src/definitionsApi';
import { formLabels } from '../../designer/studio/src/editor/formLabels';
import { formSchemaOf } from '../../designer/studio/src/editor/kindSchema';
import '../../designer/studio/src/texts';

const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const hasLatin = (s: string) => /[A-Za-z]{2}/.test(s);
const cjkOnly = (s: string) => /[\u4e00-\u9fff]/.test(s) && !hasLatin(s);

/** What the studio's form of `kind` shows in `lang`, with the studio's own labels and texts. */
function formOf(kind: (typeof definitionKinds)[number], lang: 'zh-CN' | 'en-US') {
  const t = i18next.getFixedT(lang, 'studio');
  const lookup = (key: string) => (i18next.exists(`studio:${key}`, { lng: lang }) ? t(key) : undefined);
  return formSchemaOf(JSON.parse(JSON.stringify(kind.schema)) as Json, formLabels(kind.kind, lang === 'en-US', lookup)).schema as Json;
}

/** Every title and description a form shows, with where it sits (`flow/nodes/[]/name`). */
function texts(node: Json, at: string, out: { at: string; key: 'title' | 'description'; text: string }[] = []) {
  for (const key of ['title', 'description'] as const) if (typeof node[key] === 'string') out.push({ at, key, text: node[key] as string });
  if (isObject(node.properties)) for (const [k, v] of Object.entries(node.properties)) if (isObject(v)) texts(v, `${at}/${k}`, out);
  if (isObject(node.items)) texts(node.items, `${at}/[]`, out);
  if (Array.isArray(node.items)) (node.items as Json[]).forEach((v, i) => texts(v, `${at}/[${i}]`, out));
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(node[k])) (node[k] as Json[]).forEach((v, i) => texts(v, `${at}/${k}${i}`, out));
  return out;
}

/** Members of a form without a title (RJSF would label them with their key). */
function untitled(node: Json, at: string, out: string[] = []): string[] {
  if (isObject(node.properties)) {
    for (const [k, v] of Object.entries(node.properties)) {
      if (!isObject(v)) continue;
      if (typeof v.title !== 'string' && v.const === undefined) out.push(`${at}/${k}`);
      untitled(v, `${at}/${k}`, out);
    }
  }
  if (isObject(node.items)) untitled(node.items, `${at}/[]`, out);
  return out;
}

describe('studio editors in English: every schema title and description has English', () => {
  it.each(definitionKinds.map((k) => [k.kind, k] as const))('%s', (_kind, kind) => {
    const shown = texts(formOf(kind, 'en-US'), kind.kind);
    const chinese = shown.filter((s) => !hasLatin(s.text) || cjkOnly(s.text)).map((s) => `${s.at} ${s.key}: ${s.text}`);
    expect(chinese).toEqual([]);
    // a member without a title shows its bare key: every member is titled, in both languages
    for (const lang of ['en-US', 'zh-CN'] as const) expect(untitled(formOf(kind, lang), kind.kind), lang).toEqual([]);
    // the schema does title members (else this proves nothing), and the Chinese screen keeps its titles
    const source = texts(JSON.parse(JSON.stringify(kind.schema)) as Json, kind.kind).filter((s) => s.key === 'title' && s.at.includes('/'));
    expect(source.length).toBeGreaterThan(0);
    const zh = texts(formOf(kind, 'zh-CN'), kind.kind).filter((s) => s.key === 'title');
    expect(zh.filter((s) => /[\u4e00-\u9fff]/.test(s.text)).length).toBeGreaterThan(0);
  });

  it('names a member after its kind where that matters and titles array items', () => {
    const props = (kind: string) => (formOf(definitionKinds.find((k) => k.kind === kind)!, 'en-US').properties ?? {}) as Record<string, Json>;
    expect(props('item').flow!.title).toBe('Personalised department flow');
    expect(props('domain').flow!.title).toBe('Flow');
    expect(((props('flow').nodes!.items as Json).title)).toBe('Node');
    expect(props('department').kind!.title).not.toBe(props('service').kind!.title);
  });
});
