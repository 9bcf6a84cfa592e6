import { useCallback, useEffect, useState } from 'react';
import { definitionsApi, pointerInDefinition, type Finding } from '../definitionsApi';

export interface DefinitionFinding extends Finding {
  /** The pointer inside the definition (what the form's fields are keyed by). */
  at: string;
}

/** The lint findings about one definition (POST /api/definitions/lint, filtered), re-run on demand. */
export function useDefinitionLint(kind: string, id: string | undefined) {
  const [findings, setFindings] = useState<DefinitionFinding[] | null>(null);
  const run = useCallback(async () => {
    if (!id) { setFindings([]); return; }
    const report = await definitionsApi.lint();
    setFindings(report.findings.filter((f) => f.definition?.kind === kind && f.definition.id === id).map((f) => ({ ...f, at: pointerInDefinition(f) })));
  }, [kind, id]);
  useEffect(() => {
    run().catch(() => setFindings([]));
  }, [run]);
  return { findings, rerun: run };
}
