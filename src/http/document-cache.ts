/**
 * The cache of parsed documents Apollo reuses for repeated operations, bounded by the heap it holds.
 * Apollo's default counts a document by the length of its JSON, but a parsed document also keeps
 * every token of its source (for error locations), three to four times that in heap: a stream of
 * distinct documents, hostile or not, could make its nominal 30 MiB well over 100 MB.
 */
import type { DocumentNode } from 'graphql';

/** Heap a parsed document holds, estimated from its JSON (measured at 3.4 times, rounded up). */
export const documentHeapEstimate = (document: DocumentNode) => 4 * Buffer.byteLength(JSON.stringify(document), 'utf8');

/** A least-recently-used cache of documents within `maxBytes` (Apollo's KeyValueCache interface). */
export function documentCache(maxBytes: number) {
  const entries = new Map<string, { document: DocumentNode; bytes: number }>();
  let total = 0;
  const remove = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    total -= entry.bytes;
  };
  return {
    async get(key: string): Promise<DocumentNode | undefined> {
      const entry = entries.get(key);
      if (!entry) return undefined;
      // Map keeps insertion order: re-inserting marks the entry as the most recently used.
      entries.delete(key);
      entries.set(key, entry);
      return entry.document;
    },
    async set(key: string, document: DocumentNode): Promise<void> {
      remove(key);
      const bytes = documentHeapEstimate(document);
      if (bytes > maxBytes) return;
      entries.set(key, { document, bytes });
      total += bytes;
      for (const oldest of entries.keys()) {
        if (total <= maxBytes) break;
        remove(oldest);
      }
    },
    async delete(key: string): Promise<boolean> {
      const had = entries.has(key);
      remove(key);
      return had;
    },
    /** Bytes held, by the estimate. */
    get bytes() {
      return total;
    },
  };
}
