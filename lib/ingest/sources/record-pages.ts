/**
 * Exports of hosted tools come as one record, a page `{ data: [...] }` or an array of either. This walks them and
 * names every record by its path ("data[2]", "[0].data[1]"), so a rejection points at the record it is about.
 * `idKey` tells a record that happens to have a `data` field of its own from a page.
 */
import { isPlainObject } from "./values";

export function forEachRecord(value: unknown, idKey: string, visitRecord: (record: unknown, path: string) => void): void {
  const visit = (item: unknown, path: string) => {
    if (Array.isArray(item)) item.forEach((x, i) => visit(x, `${path}[${i}]`));
    else if (isPlainObject(item) && Array.isArray(item.data) && item[idKey] === undefined) item.data.forEach((x, i) => visit(x, `${path ? `${path}.` : ""}data[${i}]`));
    else visitRecord(item, path);
  };
  visit(value, "");
}
