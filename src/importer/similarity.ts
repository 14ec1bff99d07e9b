/**
 * How alike two names or passages are, for suggesting the nearest known agency or role and for spotting
 * text repeated between recommendations. Two measures, because they fail differently: token overlap
 * ignores word order and extra words, edit distance catches misspellings and abbreviations.
 */

const STOP = new Set(['the', 'of', 'and', 'a', 'an', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'is', 'are', 'be']);

/** Lower-case words, with "&" read as "and" and possessive/plural apostrophes dropped. */
export function words(s: string): string[] {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’]s\b/g, 's')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

export function tokens(s: string): Set<string> {
  return new Set(words(s).filter((w) => !STOP.has(w)));
}

/** Sørensen–Dice coefficient of the two token sets: 1 for the same words, 0 for none shared. */
export function tokenOverlap(a: string, b: string): number {
  const x = tokens(a);
  const y = tokens(b);
  if (x.size === 0 && y.size === 0) return 1;
  let shared = 0;
  for (const t of x) if (y.has(t)) shared++;
  return (2 * shared) / (x.size + y.size);
}

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** 1 for equal strings (compared on their words), falling towards 0 as edits are needed. */
export function editSimilarity(a: string, b: string): number {
  const x = words(a).join(' ');
  const y = words(b).join(' ');
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 1 : 1 - editDistance(x, y) / longest;
}

export const similarity = (a: string, b: string) => Math.max(tokenOverlap(a, b), editSimilarity(a, b));

/** The candidate most like `text`, or null when there are none. */
export function nearest<T>(text: string, candidates: T[], labels: (c: T) => string[]): { item: T; score: number } | null {
  let best: { item: T; score: number } | null = null;
  for (const c of candidates) {
    const score = Math.max(...labels(c).map((l) => similarity(text, l)));
    if (!best || score > best.score) best = { item: c, score };
  }
  return best;
}

/** The same words in the same order, ignoring case, spacing and punctuation. */
export const sameWords = (a: string, b: string) => words(a).join(' ') === words(b).join(' ');
