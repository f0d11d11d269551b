// Values bound by a table's layout (a CSV export, a Markdown pipe table). A
// column whose header names a credential's key (`env,convoso_auth_token`)
// holds one value per row. A table of name/value rows (`name,value`,
// `| Setting | Value |`) binds a row's value cell when its name cell holds a
// key: the rule SQL rows follow (name-value-rows.ts), with the header for the
// column list. Each row is read once per key or name column, so the work is
// bounded by the cells.

import type { StringToken, TableGrid } from "../languages/shared/tokens.js";
import { columnRoles } from "./name-value-records.js";

/** A cell bound to a key, and how: a key-named column or a name/value row. */
export interface TableBinding<Key> {
  key: Key;
  value: StringToken;
  context: "assignment" | "name-value";
}

/** What the bindings ask of the matcher about a cell. */
export interface CellReader<Key> {
  /** The cell's text, when it is plain (no interpolation). */
  text(cell: StringToken): string | undefined;
  /** The credential the cell names, when it names one. */
  keyOf(cell: StringToken): Key | undefined;
}

export function tableBindings<Key>(table: TableGrid, reader: CellReader<Key>): TableBinding<Key>[] {
  const bindings: TableBinding<Key>[] = [];
  const keyColumns: { column: number; key: Key }[] = [];
  table.header.forEach((cell, column) => {
    const key = cell === undefined ? undefined : reader.keyOf(cell);
    if (key !== undefined) keyColumns.push({ column, key });
  });
  const roles = columnRoles(table.header.map((cell) => (cell === undefined ? undefined : reader.text(cell))));
  const nameColumns = roles.value === undefined ? [] : [...roles.names];
  for (const row of table.rows) {
    for (const { column, key } of keyColumns) {
      const value = row[column];
      if (value !== undefined) bindings.push({ key, value, context: "assignment" });
    }
    const value = roles.value === undefined ? undefined : row[roles.value];
    if (value === undefined) continue;
    for (const column of nameColumns) {
      const name = row[column];
      const key = name === undefined ? undefined : reader.keyOf(name);
      if (key === undefined) continue;
      bindings.push({ key, value, context: "name-value" });
      break;
    }
  }
  return bindings;
}
