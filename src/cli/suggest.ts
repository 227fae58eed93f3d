/** "Did you mean …?" for a mistyped option: the known option at the smallest edit distance. */

/** Edit distance counting an insert, a delete, a substitution or a swap of two neighbours as one (optimal string alignment). */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      // "prase" for "parse": one slip of the fingers, not two.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current[j] = d;
    }
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The known option closest to `given`, or null when none is close: within a
 * third of the longer name (so `--ouput` finds `--out`, `--xyz` finds nothing),
 * or a known option that starts with what was typed (`--res` -> `--resume`).
 */
export function closestOption(given: string, known: readonly string[]): string | null {
  const prefixed = known.filter((k) => given.length > 3 && k.startsWith(given));
  if (prefixed.length === 1) return prefixed[0]!;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = editDistance(given, candidate);
    if (d < bestDistance || (d === bestDistance && best !== null && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(Math.max(given.length, best.length) / 3)) ? best : null;
}
