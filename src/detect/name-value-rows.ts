// Name/value records stored as table rows: `INSERT INTO settings (name, value)
// VALUES ('auth_token', '…')`, every row of a multi-row VALUES list, and
// `UPDATE settings SET value = '…' WHERE name = 'auth_token'`. A row whose
// name-like column (`name`, `key`, `setting_key`) holds a credential's key binds
// the literal in its value-like column (`value`, `setting_value`); the rule is
// name-value-records.ts's, with columns for fields.
//
// Read at a key literal only. Finding a row's column list walks back over the
// rows before it; each row's answer is kept, so a VALUES list is walked once
// however many of its rows hold a key.

import type { StringToken } from "../languages/shared/tokens.js";
import type { CodeView } from "./code-view.js";
import { elementAt } from "./column-values.js";
import { columnRoles, fieldRole, type ColumnRoles } from "./name-value-records.js";

/** How many tokens a row or column list may take, and how far back `UPDATE … SET` may stand from its `WHERE`. */
const MAX_LIST_TOKENS = 400;
const MAX_STATEMENT_TOKENS = 64;

export class NameValueRows {
  /** Each row's `(` → its statement's columns (null: the row is in no column-listed VALUES). */
  private readonly rowColumns = new Map<number, ColumnRoles | null>();

  constructor(private readonly view: CodeView) {}

  /**
   * The value bound to the key literal at `index` when it is a row's name cell or
   * an `UPDATE`'s `WHERE name = '…'`; null when it is a name cell whose row has no
   * value column (`(name, sha256)`: the row's other cells are not the token).
   */
  valueFor(index: number): StringToken | null | undefined {
    const position = this.cellPosition(index);
    const columns = position && this.columnsOfRow(position.open);
    if (position && columns?.names.has(position.column)) {
      const close = columns.value === undefined ? undefined : this.view.closingBracket(position.open, MAX_LIST_TOKENS);
      return (close !== undefined && elementAt(this.view, position.open, close, columns.value!)) || null;
    }
    return this.inUpdate(index);
  }

  /** The `(` of the row holding the cell at `index`, and the cell's position: single-token cells (strings, numbers, names) and commas only. */
  private cellPosition(index: number): { open: number; column: number } | undefined {
    let column = 0;
    for (let probe = index - 1; probe >= 0 && index - probe <= MAX_LIST_TOKENS; probe--) {
      const text = this.view.punctAt(probe);
      if (text === "(") return { open: probe, column };
      if (text === ",") column++;
      else if (text !== undefined || this.view.punctAt(probe - 1) === undefined) return undefined;
    }
    return undefined;
  }

  /** The columns of the row opening at `open`: walks back over earlier rows to `(…) VALUES`, keeping every row's answer. */
  private columnsOfRow(open: number): ColumnRoles | null {
    const walked: number[] = [];
    let row = open;
    let columns: ColumnRoles | null | undefined;
    while (columns === undefined) {
      const known = this.rowColumns.get(row);
      if (known !== undefined) {
        columns = known;
        break;
      }
      walked.push(row);
      const keyword = this.view.identAt(row - 1)?.toLowerCase();
      if (keyword === "values" || keyword === "value") {
        columns = this.readColumns(row - 2);
      } else if (this.view.punctAt(row - 1) === "," && this.view.punctAt(row - 2) === ")") {
        const previous = this.openingBracket(row - 2);
        columns = previous === undefined ? null : undefined;
        if (previous !== undefined) row = previous;
      } else {
        columns = null;
      }
    }
    for (const visited of walked) this.rowColumns.set(visited, columns);
    return columns;
  }

  /** The name-like and value-like columns of the name list closing at `close`. */
  private readColumns(close: number): ColumnRoles | null {
    const open = this.openingBracket(close);
    if (open === undefined) return null;
    const fields: string[] = [];
    for (let probe = open + 1; probe < close; probe++) {
      if (this.view.punctAt(probe) === ",") continue;
      const name = this.fieldAt(probe);
      if (name === undefined) return null;
      fields.push(name);
    }
    return columnRoles(fields);
  }

  /** `UPDATE t SET value = '…' WHERE name = 'auth_token'`: the value assigned by the same statement's SET. */
  private inUpdate(index: number): StringToken | undefined {
    const name = this.fieldAt(index - 2);
    if (this.view.punctAt(index - 1) !== "=" || name === undefined || fieldRole(name) !== "name") return undefined;
    for (let probe = index - 3; probe >= 0 && index - probe <= MAX_STATEMENT_TOKENS; probe--) {
      if (this.view.punctAt(probe) === ";") return undefined;
      const field = this.fieldAt(probe);
      if (field === undefined || this.view.punctAt(probe + 1) !== "=" || fieldRole(field) !== "value") continue;
      const before = this.view.identAt(probe - 1)?.toLowerCase();
      if (before === "set" || this.view.punctAt(probe - 1) === ",") return this.view.literalAt(probe + 2);
    }
    return undefined;
  }

  /** A column name: a bare or quoted identifier (`value`, `"value"`, `` `value` ``). */
  private fieldAt(index: number): string | undefined {
    const token = this.view.code[index];
    if (token?.kind === "identifier") return token.text;
    return token?.kind === "string" ? this.view.literalContent(token) : undefined;
  }

  /** The index of the bracket opening the one closing at `close`, looking at most MAX_LIST_TOKENS back. */
  private openingBracket(close: number): number | undefined {
    let depth = 0;
    for (let probe = close; probe >= 0 && close - probe <= MAX_LIST_TOKENS; probe--) {
      const text = this.view.punctAt(probe);
      if (text === ")" || text === "]" || text === "}") depth++;
      else if ((text === "(" || text === "[" || text === "{") && --depth === 0) return probe;
    }
    return undefined;
  }
}
