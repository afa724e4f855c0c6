/**
 * Progress lines of a search-list build (`Store.refreshSearchLists`), shared by `ingest`, `start`,
 * `sync` and `optimize`.
 * @module
 */

/**
 * Progress lines of a search-list build (`Store.refreshSearchLists`): its start, then about every
 * quarter of the words.
 * @example runIngest({ store, paths, onSearchLists: searchListsProgress(progress.log) })
 */
export function searchListsProgress(log: (line: string) => void): (done: number, total: number) => void {
  let next = 0;
  return (done, total) => {
    if (done === 0) log(`search lists: ranking the top documents of ${total} common words`);
    else if (done >= next || done === total) log(`search lists: ${done}/${total} words`);
    else return;
    next = done + Math.max(1, Math.ceil(total / 4));
  };
}
