import { useEffect, useState } from 'react';
import { localName } from '../../../shared/i18n';
import type { Draft } from '../definitionsApi';
import { draftsOf } from '../editor/refOptions';

export interface Option {
  value: string;
  label: string;
}

/** Picker options from the drafts of a kind (`name (id)`), optionally filtered. */
export function useDraftOptions(kind: string, keep: (d: Draft) => boolean = () => true): { options: Option[]; drafts: Draft[] } {
  const [drafts, setDrafts] = useState<Draft[]>([]);
  useEffect(() => {
    let live = true;
    draftsOf(kind).then((list) => { if (live) setDrafts(list); }, () => undefined);
    return () => { live = false; };
  }, [kind]);
  const kept = drafts.filter(keep);
  return { drafts: kept, options: kept.map((d) => ({ value: d.id, label: `${localName(d.definition as never) || d.id} (${d.id})` })) };
}
