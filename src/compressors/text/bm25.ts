/** Okapi BM25: how well each document (a line of text) answers a bag of query terms. */

const K1 = 1.2;
const B = 0.75;

/** Lowercased word tokens of at least two characters (identifiers split on `_`, `.` and `/` too). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]{2,}/g) ?? [];
}

/** BM25 score of every document for `query`; all zeros when the query is empty. */
export function bm25Scores(documents: readonly string[][], query: readonly string[]): number[] {
  const scores = new Array<number>(documents.length).fill(0);
  const terms = [...new Set(query)];
  if (terms.length === 0 || documents.length === 0) return scores;
  // Document frequencies are read for query terms only, so only those are tallied.
  const wanted = new Set(terms);
  const frequency = new Map<string, number>();
  let totalLength = 0;
  for (const document of documents) {
    totalLength += document.length;
    const present = new Set<string>();
    for (const word of document) if (wanted.has(word)) present.add(word);
    for (const term of present) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  }
  const averageLength = totalLength / documents.length || 1;
  const idf = new Map<string, number>();
  for (const term of terms) {
    const n = frequency.get(term) ?? 0;
    if (n > 0) idf.set(term, Math.log(1 + (documents.length - n + 0.5) / (n + 0.5)));
  }
  if (idf.size === 0) return scores;
  documents.forEach((document, index) => {
    const counts = new Map<string, number>();
    for (const word of document) if (idf.has(word)) counts.set(word, (counts.get(word) ?? 0) + 1);
    let score = 0;
    for (const [term, count] of counts) {
      const norm = count + K1 * (1 - B + B * (document.length / averageLength));
      score += (idf.get(term) ?? 0) * ((count * (K1 + 1)) / norm);
    }
    scores[index] = score;
  });
  return scores;
}
