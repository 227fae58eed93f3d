/** A small seeded generator (mulberry32), so that input i of seed S is the same input on every run. */
export function random(seed, maxSize = Infinity) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    /** An integer in [lo, hi]. */
    between: (lo, hi) => lo + int(hi - lo + 1),
    pick: (list) => list[int(list.length)],
    chance: (p) => next() < p,
    /** A size spread over orders of magnitude (log-uniform in [lo, hi]); --max-size caps hi. */
    size: (lo, hi) => {
      const top = Math.max(lo, Math.min(hi, maxSize));
      return Math.round(Math.exp(Math.log(lo) + next() * (Math.log(top) - Math.log(lo))));
    },
  };
}

/** A 32-bit finaliser (murmur3's): every input bit moves every output bit. */
function mix(h) {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The seed of input `index` of run `seed`: inputs are independent of each other and of --runs.
 * The seed is mixed before the index is added, so that seeds S and S+1 do not share inputs.
 */
export function inputSeed(seed, index) {
  return mix((mix(seed >>> 0) + Math.imul(index + 1, 0x9e3779b9)) | 0);
}
