import type { ErrorSchema } from '@rjsf/utils';

type Node = { __errors?: string[]; [key: string]: unknown };

const unescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/** Puts messages at JSON pointers into an RJSF error schema (shown next to the fields: `extraErrors`). */
export function errorSchemaOf(messages: { pointer: string; message: string }[]): ErrorSchema {
  const root: Node = {};
  for (const { pointer, message } of messages) {
    let node = root;
    for (const token of pointer.split('/').slice(1).map(unescape)) node = (node[token] ??= {}) as Node;
    (node.__errors ??= []).push(message);
  }
  return root as ErrorSchema;
}
