/**
 * Paragraphs cut at their spaces, so that what is worked out for a piece between spaces (its word
 * breaks, its glyphs) is worked out once and reused wherever the piece recurs: the form's own phrases
 * come back in answer after answer, and in every referral. Across a run of spaces (U+0020) nothing in
 * the bundled fonts or the word segmenter reaches from one piece into the next:
 * tests/unit/pdf-space-chunks.test.ts holds that against every catalog text in every language, both
 * weights and both Thai faces (same glyphs, same break flags, same word breaks as the whole paragraph).
 */

/** A piece of a paragraph: a run of spaces, or text between runs of spaces. */
export interface SpaceChunk {
  text: string;
  /** UTF-16 offset in the paragraph. */
  start: number;
  space: boolean;
}

export function spaceChunks(text: string): SpaceChunk[] {
  const chunks: SpaceChunk[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i++) {
    const space = text.charCodeAt(start) === 32;
    if (i === text.length || (text.charCodeAt(i) === 32) !== space) {
      chunks.push({ text: text.slice(start, i), start, space });
      start = i;
    }
  }
  return chunks;
}

/** Entries a memo keeps before it starts over (a referral's own pieces number a few hundred). */
export const CHUNK_MEMO_LIMIT = 20_000;

/**
 * What was worked out per piece: for one build (the document's own text, dropped with the build), and
 * across documents for pieces that hold no personal data (`isPublic`, e.g. a word of a catalog text).
 */
export class ChunkMemo<T> {
  private readonly build = new Map<string, T>();

  constructor(
    /** Kept across documents: public pieces only. */
    private readonly kept: Map<string, T>,
    private readonly isPublic: (chunk: string) => boolean,
  ) {}

  get(key: string, chunk: string, compute: () => T): T {
    const known = this.build.get(key) ?? this.kept.get(key);
    if (known !== undefined) return known;
    const value = compute();
    const cache = this.isPublic(chunk) ? this.kept : this.build;
    if (cache.size >= CHUNK_MEMO_LIMIT) cache.clear();
    cache.set(key, value);
    return value;
  }
}
