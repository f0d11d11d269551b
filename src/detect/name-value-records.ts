// Name/value records in data: `{ "name": "auth_token", "value": "…" }` (HAR,
// Postman), `- name: CONVOSO_AUTH_TOKEN` / `value: …` (Kubernetes env, CI lists),
// `Param(key="auth_token", val="…")`, `<input name="auth_token" value="…">`,
// Terraform's `variable "auth_token" { default = "…" }`. A record whose
// name-like field holds a credential's key name and whose value-like field holds
// a value binds that value, whichever field comes first and however many fields,
// nested records or lines stand between them.
//
// One pass over a unit's code tokens keeps a stack of open records. A bracket
// (`{`, `[`, `(`, a markup tag's `<`) opens one and its closer closes it with
// every record opened inside it; in indented data (YAML) a mapping's first key
// opens one at its column and a key left of that column, or a new `- ` item at
// it, closes it. A field belongs to the innermost open record only, so a nested
// `secretKeyRef: { name: … }` never lends its fields to the `env` entry around it.
// Every token is looked at once and every record pushed and popped once.

import { CharacterCodes } from "../languages/shared/character-codes.js";
import type { Token } from "../languages/shared/tokens.js";

/** Names of fields that hold the value in a name/value record. */
const VALUE_FIELDS = new Set(["value", "val", "default", "defaultvalue", "default_value", "usevalue"]);
/** Names of fields that hold the name in a name/value record. */
const NAME_FIELDS = new Set(["name", "key", "id", "param", "parameter", "field", "variable", "var", "provide"]);
/** Operators between a field and its value. */
const FIELD_OPS = new Set([":", "=", "=>"]);
/** Tokens before `name =` that make it a statement (`const name = …`, `obj.name = …`), not a field. */
const NOT_A_FIELD_AFTER = new Set(["const", "let", "var", "local", "my", "our", ".", "->", "::", "?."]);
/** What closes a record opened by each opener. */
const CLOSERS: Readonly<Record<string, readonly string[]>> = { "{": ["}"], "[": ["]"], "(": [")"], "<": [">", "/>"], "[[": ["]]"] };
/** A token longer than the longest field name (and its quotes) is no field: most keys are skipped unread. */
const LONGEST_FIELD = Math.max(...[...VALUE_FIELDS, ...NAME_FIELDS].map((field) => field.length)) + 2;

/** How a unit's language lays out its records. */
export interface RecordLayout {
  /** Mappings are closed by indentation (YAML), not only by brackets. */
  indented: boolean;
  /** Strings and names right before a `{` label the block it opens (HCL `variable "auth_token" {`). */
  blockLabels: boolean;
  /** A `[table]` or `[[array.of.tables]]` header opens a record that the next header closes (TOML). */
  tables: boolean;
}

/** What the records ask of the matcher about one code token. */
export interface RecordReader<Key> {
  /** The field name the token at `index` spells, lower case, when it can be one. */
  fieldName(index: number): string | undefined;
  /** The credential the token at `index` names, when it names one. */
  keyAt(index: number): Key | undefined;
}

interface OpenRecord<Key> {
  /** The closers of its bracket; empty for an indented mapping. */
  closers: readonly string[];
  /** An indented mapping's key column; -1 for a bracketed record or a TOML table. */
  column: number;
  /** A TOML table header's brackets, or the table its header opened. */
  table?: "header" | "body";
  key?: Key;
  /** Index of the first value-like field's value token; -1 before one. */
  valueIndex: number;
  bound: boolean;
}

/**
 * Feeds a unit's code tokens, in order, to `visit`; calls `bind(key, valueIndex)`
 * once for each record that pairs a key name with a value token.
 */
export class NameValueRecords<Key> {
  private readonly open: OpenRecord<Key>[] = [];
  /** How many open records each closer would close: a stray closer pops nothing and costs nothing. */
  private readonly openClosers = new Map<string, number>();
  /** Where the line of the last token visited starts (indented layouts only). */
  private lineStart = 0;
  private lineScanned = 0;

  constructor(
    private readonly code: readonly Token[],
    private readonly text: string,
    private readonly layout: RecordLayout,
    private readonly reader: RecordReader<Key>,
    private readonly bind: (key: Key, valueIndex: number) => void,
  ) {}

  visit(index: number): void {
    const token = this.code[index]!;
    if (token.kind === "punct") {
      this.visitPunct(index, token.text);
      return;
    }
    if ((token.kind !== "identifier" && token.kind !== "string") || token.end - token.start > LONGEST_FIELD) return;
    const op = this.code[index + 1];
    if (op?.kind !== "punct" || !FIELD_OPS.has(op.text)) return;
    const previous = this.code[index - 1];
    if ((previous?.kind === "identifier" || previous?.kind === "punct") && NOT_A_FIELD_AFTER.has(previous.text)) return;
    const field = this.reader.fieldName(index);
    if (field === undefined) return;
    if (this.layout.indented) this.enterIndentedField(index);
    const record = this.open.at(-1);
    if (!record) return;
    if (NAME_FIELDS.has(field)) record.key ??= this.reader.keyAt(index + 2);
    else if (VALUE_FIELDS.has(field) && record.valueIndex < 0 && this.holdsValue(index + 2)) record.valueIndex = index + 2;
    this.bindIfPaired(record);
  }

  private visitPunct(index: number, text: string): void {
    const closers = CLOSERS[text];
    if (closers !== undefined) {
      // `<` opens a record only as a markup tag (`<input`), not as `a < b`.
      if (text === "<" && !this.startsTag(index)) return;
      const header = this.layout.tables && this.startsTableHeader(index, text);
      if (header) while (this.open.length > 0) this.pop();
      this.push({ closers, column: -1, valueIndex: -1, bound: false, table: header ? "header" : undefined });
      if (text === "{" && this.layout.blockLabels) this.labelBlock(index);
      return;
    }
    if (!this.openClosers.get(text)) return;
    for (let record = this.open.at(-1); record !== undefined; record = this.open.at(-1)) {
      this.pop();
      if (!record.closers.includes(text)) continue;
      if (record.table === "header") this.push({ closers: [], column: -1, valueIndex: -1, bound: false, table: "body" });
      return;
    }
  }

  /** `[table]` or `[[table]]` at the top level: not an array, which follows `=` or `,` or sits inside brackets. */
  private startsTableHeader(index: number, text: string): boolean {
    if (text !== "[" && text !== "[[") return false;
    if (this.open.length > 1 || (this.open.length === 1 && this.open[0]!.table !== "body")) return false;
    const previous = this.code[index - 1];
    return previous?.kind !== "punct" || (previous.text !== "=" && previous.text !== ",");
  }

  /** A tag name right after `<`: `<input …>`. */
  private startsTag(index: number): boolean {
    const name = this.code[index + 1];
    return name?.kind === "identifier" && name.start === this.code[index]!.end;
  }

  /** `variable "auth_token" {`, `resource "aws_ssm_parameter" "convoso_auth_token" {`: a label naming a key names the block's record. */
  private labelBlock(index: number): void {
    const record = this.open.at(-1)!;
    for (let label = index - 1; label >= 0 && index - label <= 3 && record.key === undefined; label--) {
      const kind = this.code[label]!.kind;
      if (kind !== "string" && kind !== "identifier") return;
      record.key = this.reader.keyAt(label);
    }
  }

  /** A value-like field's value must be a scalar or a name, not a nested record. */
  private holdsValue(index: number): boolean {
    const kind = this.code[index]?.kind;
    return kind === "string" || kind === "identifier";
  }

  private bindIfPaired(record: OpenRecord<Key>): void {
    if (record.bound || record.key === undefined || record.valueIndex < 0) return;
    record.bound = true;
    this.bind(record.key, record.valueIndex);
  }

  // --- indentation --------------------------------------------------------------

  /**
   * A key that starts its line (or its `- ` item) at column c closes the indented
   * mappings right of c, and the one at c when a new item starts there; it joins
   * the mapping at c, or opens one. Records inside brackets ignore indentation.
   */
  private enterIndentedField(index: number): void {
    if (this.open.at(-1)?.column === -1) return;
    const token = this.code[index]!;
    const previous = this.code[index - 1];
    this.advanceLineStart(token.start);
    const dash = previous?.kind === "punct" && previous.text === "-" && this.startsLine(index - 1);
    if (!dash && !this.startsLine(index)) return;
    const column = token.start - this.lineStart;
    for (let record = this.open.at(-1); record !== undefined && record.column >= 0; record = this.open.at(-1)) {
      if (record.column < column || (record.column === column && !dash)) break;
      this.pop();
    }
    if (this.open.at(-1)?.column !== column) this.push({ closers: [], column, valueIndex: -1, bound: false });
  }

  /** Whether no code token stands before the one at `index` on its line (`lineStart` is already up to it). */
  private startsLine(index: number): boolean {
    const previous = this.code[index - 1];
    return previous === undefined || previous.end <= this.lineStart;
  }

  /** Moves the line start up to `offset`: tokens come in text order, so each character is read once. */
  private advanceLineStart(offset: number): void {
    for (let at = this.lineScanned; at < offset; at++) {
      if (this.text.charCodeAt(at) === CharacterCodes.lineFeed) this.lineStart = at + 1;
    }
    this.lineScanned = Math.max(this.lineScanned, offset);
  }

  // --- the stack --------------------------------------------------------------------

  private push(record: OpenRecord<Key>): void {
    this.open.push(record);
    for (const closer of record.closers) this.openClosers.set(closer, (this.openClosers.get(closer) ?? 0) + 1);
  }

  private pop(): void {
    const record = this.open.pop()!;
    for (const closer of record.closers) this.openClosers.set(closer, this.openClosers.get(closer)! - 1);
  }
}
