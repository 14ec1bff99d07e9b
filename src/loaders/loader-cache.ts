/**
 * Per-request DataLoaders that depend on more than the key: the state of a recommendation depends on
 * the frame it is asked in, so each frame gets its own loader. Created lazily, dropped with the request.
 */
import DataLoader from 'dataloader';

export class LoaderCache {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();
  private readonly memos = new Map<string, WeakMap<object, unknown>>();

  /**
   * What `make` returns for `name` and `key`, made once per request: e.g. the loader a field uses,
   * keyed by the field's nodes in the operation, which every row of a list shares.
   */
  memo<T>(name: string, key: object, make: () => T): T {
    let memos = this.memos.get(name);
    if (!memos) this.memos.set(name, (memos = new WeakMap()));
    if (memos.has(key)) return memos.get(key) as T;
    const made = make();
    memos.set(key, made);
    return made;
  }

  /** The loader `name` for `variant` (e.g. a frame key), created with `batch` on first use. */
  get<K, V>(name: string, variant: string, batch: DataLoader.BatchLoadFn<K, V>, options?: DataLoader.Options<K, V>): DataLoader<K, V> {
    const key = `${name}@${variant}`;
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = new DataLoader(batch, options);
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}
