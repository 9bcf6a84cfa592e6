import Editor from '@monaco-editor/react';
import { useMemo } from 'react';
import { registerKindSchema } from './monacoSetup';

export interface JsonEditorProps {
  kind: string;
  schema: unknown;
  /** The text the editor starts with; it is uncontrolled afterwards (a controlled value loses fast keystrokes). */
  value: string;
  onChange(text: string): void;
  readOnly?: boolean;
}

/** The JSON tab: monaco with the kind's JSON Schema (completion, hovers, squiggles). */
export default function JsonEditor({ kind, schema, value, onChange, readOnly }: JsonEditorProps) {
  const path = useMemo(() => registerKindSchema(kind, schema), [kind, schema]);
  return (
    <div data-testid="json-editor" style={{ border: '1px solid #f0f0f0' }}>
      <Editor
        height="60vh"
        language="json"
        path={path}
        defaultValue={value}
        onChange={(v) => onChange(v ?? '')}
        options={{ readOnly, minimap: { enabled: false }, fontSize: 13, tabSize: 2, scrollBeyondLastLine: false, automaticLayout: true }}
      />
    </div>
  );
}
