/** Character bigrams of a text with punctuation and spaces removed (works for Chinese, no tokenizer). */
export function bigrams(text: string): Map<string, number> {
  const chars = [...text.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')];
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Sørensen–Dice coefficient over character bigrams: 1 for equal texts, 0 for nothing in common. */
export function textSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let size = 0;
  let shared = 0;
  for (const [g, n] of x) {
    size += n;
    shared += Math.min(n, y.get(g) ?? 0);
  }
  for (const n of y.values()) size += n;
  return size === 0 ? 0 : (2 * shared) / size;
}
