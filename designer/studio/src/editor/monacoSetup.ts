import { loader } from '@monaco-editor/react';
import * as monaco from 'monaco-editor/editor/editor.api.js';
import { jsonDefaults } from 'monaco-editor/languages/features/json/register.js';
import EditorWorker from 'monaco-editor/editor/editor.worker.js?worker';
import JsonWorker from 'monaco-editor/languages/features/json/json.worker.js?worker';

/** Monaco bundled with the studio (no CDN): the editor core and the JSON language with its worker. */
(self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker: (_: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};
loader.config({ monaco: monaco as never });

const schemas = new Map<string, { uri: string; fileMatch: string[]; schema: unknown }>();

/** Makes models named `<kind>.json` validate against the kind's JSON Schema. */
export function registerKindSchema(kind: string, schema: unknown): string {
  const model = `inmemory://studio/${kind}.json`;
  schemas.set(kind, { uri: `https://tongguan.local/schemas/${kind}.json`, fileMatch: [model], schema });
  jsonDefaults.setDiagnosticsOptions({ validate: true, allowComments: false, enableSchemaRequest: false, schemas: [...schemas.values()] });
  return model;
}

export { monaco };
