import type { DocumentNode } from 'graphql';
import type { TrustedDocuments } from './trusted-documents';

/** What Apollo Server asks of its `documentStore` (@apollo/utils.keyvaluecache's KeyValueCache). */
export interface DocumentStore {
  get(key: string): Promise<DocumentNode | undefined>;
  set(key: string, value: DocumentNode): Promise<void>;
  delete(key: string): Promise<boolean>;
}

/** How much query text the parsed free-form documents kept may hold: 4 MiB of text, a few tens of MiB of syntax trees. */
const DEFAULT_FREE_FORM_TEXT_BUDGET = 4 * 1024 * 1024;

const SHA256_HEX = 64;

/**
 * Apollo Server's store of parsed and validated documents, with the registered ones in it for good.
 *
 * Apollo looks a request's document up under `<schema hash>:<sha256 of the query text>` before it parses
 * and validates, and parses and validates only when the store has none. A trusted document's id is that very
 * sha256 (the gateway swaps its text in as `query`), so its lookup finds the syntax tree parsed once at load,
 * whatever the schema hash: every schema the gateway serves was checked against every registered document
 * first (at start, and before a reload is taken), and a syntax tree does not depend on the schema. Free-form
 * queries are kept as Apollo keeps them (its own store is replaced by this one), least recently used first out
 * once their text passes `textBudget`.
 */
export function trustedDocumentStore(documents: TrustedDocuments, textBudget = DEFAULT_FREE_FORM_TEXT_BUDGET): DocumentStore {
  const freeForm = new Map<string, { document: DocumentNode; size: number }>();
  let size = 0;
  const sizeOf = (document: DocumentNode) => document.loc?.source.body.length ?? 1024;
  return {
    async get(key) {
      const registered = documents.byId.get(key.slice(-SHA256_HEX));
      if (registered) return registered.document;
      const kept = freeForm.get(key);
      if (!kept) return undefined;
      // Most recently used last: the Map's order is the eviction order.
      freeForm.delete(key);
      freeForm.set(key, kept);
      return kept.document;
    },
    async set(key, document) {
      if (documents.byId.has(key.slice(-SHA256_HEX))) return;
      const entry = { document, size: sizeOf(document) };
      if (entry.size > textBudget) return;
      const previous = freeForm.get(key);
      if (previous) size -= previous.size;
      freeForm.delete(key);
      freeForm.set(key, entry);
      size += entry.size;
      for (const [oldest, kept] of freeForm) {
        if (size <= textBudget) break;
        freeForm.delete(oldest);
        size -= kept.size;
      }
    },
    async delete(key) {
      const kept = freeForm.get(key);
      if (kept) size -= kept.size;
      return freeForm.delete(key);
    },
  };
}
