import { foldText } from "./displayConditions.js";

/** Scripts written without spaces between words: their runs are cut in character pairs. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/**
 * The terms of a text, in any language: folded (no case, no accents), cut into runs of
 * letters and digits; a run in a script written without spaces (Chinese, Japanese, Thai…)
 * gives its overlapping character pairs, any other run of two characters or more is a
 * word.
 *
 * @category Synthesis
 * @example
 * ```ts
 * textTerms("Plus d'arbres, rue Émile"); //=> ["plus", "arbres", "rue", "emile"]
 * textTerms("公园长椅");                  //=> ["公园", "园长", "长椅"]
 * ```
 */
export function textTerms(text: string): string[] {
  const terms: string[] = [];
  for (const run of foldText(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (UNSPACED.test(run)) {
      const chars = [...run];
      if (chars.length === 1) terms.push(run);
      for (let k = 0; k + 1 < chars.length; k++) terms.push(`${chars[k]}${chars[k + 1]}`);
    } else if ([...run].length >= 2) terms.push(run);
  }
  return terms;
}

/**
 * A group of near-duplicate texts: their ids (in the order given) and the pairs whose
 * similarity joined them, most similar first.
 *
 * @category Synthesis
 * @example
 * ```ts
 * const group: NearDuplicateGroup = { ids: ["p3", "p17"], links: [{ a: "p3", b: "p17", similarity: 0.82 }] };
 * ```
 */
export interface NearDuplicateGroup {
  readonly ids: readonly string[];
  readonly links: readonly {
    readonly a: string;
    readonly b: string;
    readonly similarity: number;
  }[];
}

/** How far below the threshold a similarity computed in doubles may fall and still count. */
const ROUNDING = 1e-9;

interface Vector {
  readonly terms: Int32Array;
  readonly weights: Float64Array;
}

function cosine(a: Vector, b: Vector): number {
  let i = 0;
  let j = 0;
  let dot = 0;
  while (i < a.terms.length && j < b.terms.length) {
    const x = a.terms[i] as number;
    const y = b.terms[j] as number;
    if (x === y) dot += (a.weights[i++] as number) * (b.weights[j++] as number);
    else if (x < y) i++;
    else j++;
  }
  return dot;
}

/** TF-IDF vectors (1 + log tf, smoothed idf, unit length), terms sorted by index. */
function vectors(texts: readonly string[]): { vectors: Vector[]; df: number[] } {
  const index = new Map<string, number>();
  const df: number[] = [];
  const counts = texts.map((text) => {
    const tf = new Map<number, number>();
    for (const term of textTerms(text)) {
      let t = index.get(term);
      if (t === undefined) {
        t = df.length;
        index.set(term, t);
        df.push(0);
      }
      tf.set(t, (tf.get(t) ?? 0) + 1);
    }
    for (const t of tf.keys()) df[t] = (df[t] as number) + 1;
    return tf;
  });
  const n = texts.length;
  return {
    df,
    vectors: counts.map((tf) => {
      const terms = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
      const weights = Float64Array.from(terms, (t) => {
        const idf = Math.log((n + 1) / ((df[t] as number) + 1)) + 1;
        return (1 + Math.log(tf.get(t) as number)) * idf;
      });
      let squares = 0;
      for (const weight of weights) squares += weight * weight;
      const norm = Math.sqrt(squares);
      if (norm > 0)
        for (let k = 0; k < weights.length; k++) weights[k] = (weights[k] as number) / norm;
      return { terms, weights };
    }),
  };
}

/**
 * Groups of near-duplicate texts (proposals saying the same thing in other words): the
 * cosine similarity of their TF-IDF vectors over {@link textTerms} (weights 1 + log of the
 * term's count, times the smoothed inverse document frequency log((n+1)/(df+1)) + 1;
 * vectors of unit length), pairs at or above `threshold` (default 0.5; up to 10^-9 below
 * it, for rounding) linked, and linked
 * texts grouped (single linkage). Exact without comparing every pair, by prefix
 * filtering (Bayardo et al., "Scaling up all pairs similarity search", 2007): terms are
 * ordered from the most frequent; a text's most frequent terms, as long as what they can
 * add to a similarity stays below the threshold, are its prefix; only the other terms are
 * indexed. What two texts share in the earlier one's prefix adds at most the prefix's
 * norm (Cauchy–Schwarz), and at most the sum of its weights times each term's largest
 * weight in any text; so a pair is compared only when what they share among the indexed
 * terms, plus that bound, reaches the threshold. Groups come in the order of their
 * first text.
 *
 * @category Synthesis
 * @example
 * ```ts
 * nearDuplicates([{ id: "p1", text: "Des bancs au parc" }, { id: "p2", text: "Des bancs dans le parc" }, { id: "p3", text: "Une piste cyclable" }]);
 * //=> [{ ids: ["p1", "p2"], links: [{ a: "p1", b: "p2", similarity: 0.54… }] }]
 * ```
 */
export function nearDuplicates(
  texts: readonly { readonly id: string; readonly text: string }[],
  options: { readonly threshold?: number | undefined } = {},
): NearDuplicateGroup[] {
  // Rounding must not decide: a similarity that is the threshold exactly (two texts of
  // two words sharing one, 0.5) may come out a unit in the last place below it.
  const threshold = (options.threshold ?? 0.5) - ROUNDING;
  const n = texts.length;
  const { vectors: docs, df } = vectors(texts.map((entry) => entry.text));
  // Per term, the earlier texts holding it outside their prefix, with its weight there.
  const postingDocs: number[][] = df.map(() => []);
  const postingWeights: number[][] = df.map(() => []);
  // What the prefix can add to a similarity: at most its norm, and at most the sum of its
  // weights times each term's largest weight in any text.
  const prefixNorm = new Float64Array(n);
  const heaviest = new Float64Array(df.length);
  for (const doc of docs)
    for (let k = 0; k < doc.terms.length; k++) {
      const t = doc.terms[k] as number;
      heaviest[t] = Math.max(heaviest[t] as number, doc.weights[k] as number);
    }
  const stamp = new Int32Array(n).fill(-1);
  const partial = new Float64Array(n);
  const links: { i: number; j: number; similarity: number }[] = [];
  docs.forEach((doc, j) => {
    // Candidates: earlier texts sharing a term outside their prefix, with the part of the
    // similarity those terms give; the rest is at most the norm of their prefix.
    const touched: number[] = [];
    for (let k = 0; k < doc.terms.length; k++) {
      const t = doc.terms[k] as number;
      const w = doc.weights[k] as number;
      const ids = postingDocs[t] as number[];
      const weights = postingWeights[t] as number[];
      for (let p = 0; p < ids.length; p++) {
        const i = ids[p] as number;
        if (stamp[i] !== j) {
          stamp[i] = j;
          partial[i] = 0;
          touched.push(i);
        }
        partial[i] = (partial[i] as number) + w * (weights[p] as number);
      }
    }
    for (const i of touched) {
      if ((partial[i] as number) + (prefixNorm[i] as number) < threshold) continue;
      const similarity = cosine(docs[i] as Vector, doc);
      if (similarity >= threshold) links.push({ i, j, similarity });
    }
    // This text's prefix: its most frequent terms while their weight stays below the threshold.
    const order = [...doc.terms.keys()].sort(
      (a, b) =>
        (df[doc.terms[b] as number] as number) - (df[doc.terms[a] as number] as number) ||
        (doc.terms[a] as number) - (doc.terms[b] as number),
    );
    let squares = 0;
    let reach = 0;
    for (const k of order) {
      const t = doc.terms[k] as number;
      const weight = doc.weights[k] as number;
      const bound = Math.min(
        Math.sqrt(squares + weight * weight),
        reach + weight * (heaviest[t] as number),
      );
      if (bound >= threshold) {
        (postingDocs[t] as number[]).push(j);
        (postingWeights[t] as number[]).push(weight);
      } else {
        squares += weight * weight;
        reach += weight * (heaviest[t] as number);
      }
    }
    prefixNorm[j] = Math.min(Math.sqrt(squares), reach);
  });
  return group(texts, links);
}

function group(
  texts: readonly { readonly id: string }[],
  links: readonly { i: number; j: number; similarity: number }[],
): NearDuplicateGroup[] {
  const parent = texts.map((_, k) => k);
  const root = (k: number): number => {
    let r = k;
    while (parent[r] !== r) r = parent[r] as number;
    while (parent[k] !== r) {
      const next = parent[k] as number;
      parent[k] = r;
      k = next;
    }
    return r;
  };
  for (const { i, j } of links) {
    const a = root(i);
    const b = root(j);
    if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
  }
  const members = new Map<number, number[]>();
  texts.forEach((_, k) => {
    const r = root(k);
    const list = members.get(r) ?? [];
    list.push(k);
    members.set(r, list);
  });
  const linksOf = new Map<number, { a: string; b: string; similarity: number }[]>();
  for (const { i, j, similarity } of links) {
    const r = root(i);
    const list = linksOf.get(r) ?? [];
    list.push({
      a: (texts[i] as { id: string }).id,
      b: (texts[j] as { id: string }).id,
      similarity,
    });
    linksOf.set(r, list);
  }
  return [...members]
    .filter(([, list]) => list.length > 1)
    .sort(([a], [b]) => a - b)
    .map(([r, list]) => ({
      ids: list.map((k) => (texts[k] as { id: string }).id),
      links: (linksOf.get(r) ?? []).sort(
        (x, y) =>
          y.similarity - x.similarity || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : 1),
      ),
    }));
}
