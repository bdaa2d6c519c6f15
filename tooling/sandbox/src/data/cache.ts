/**
 * A small persistent cache of database snapshots: IndexedDB in browsers (shared by every test file and story of one
 * browser session), a module-level map elsewhere.
 */
const memory = new Map<string, unknown>();
const STORE = 'snapshots';

function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('crmkit-sandbox', 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function idb<T>(mode: IDBTransactionMode, run: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  return openStore().then((db) =>
    new Promise<T>((resolve, reject) => {
      const request = run(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result as T);
      request.onerror = () => reject(request.error);
    }).finally(() => db.close()),
  );
}

/** The cached value of `key`, or undefined. */
export async function cacheGet<T>(key: string): Promise<T | undefined> {
  if (typeof indexedDB === 'undefined') return memory.get(key) as T | undefined;
  return idb<T | undefined>('readonly', (store) => store.get(key));
}

/** Caches `value` (structured-cloneable: blobs and plain objects) under `key`. */
export async function cacheSet(key: string, value: unknown): Promise<void> {
  if (typeof indexedDB === 'undefined') {
    memory.set(key, value);
    return;
  }
  await idb('readwrite', (store) => store.put(value, key));
}
