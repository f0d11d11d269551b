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
import { splitWords } from "./key-names.js";
import { namesNonCredential } from "./not-a-credential.js";

/**
 * Last words of fields that hold the value in a name/value record: `value`, and
 * every `<something>_value` (`variable_value`, `secret_value`, `ParameterValue`,
 * `useValue`, `defaultValue`), `val`, `default`.
 */
const VALUE_WORDS = new Set(["value", "val", "default", "defaultvalue", "usevalue"]);
/**
 * Last words of fields that hold the name: `name` and every `<something>_name`
 * (`variable_name`, `header_name`), `key` (`ParameterKey`), `id`, `path` (a JSON
 * patch's `/…/auth_token`), `param`, `field`, `variable`, `setting`, `property`
 * (a settings table's or export's name column), and DI's `provide`.
 */
const NAME_WORDS = new Set(["name", "key", "id", "path", "param", "parameter", "field", "variable", "var", "setting", "property", "provide"]);
/**
 * Fields whose object holds the attributes of the record around it (Terraform
 * state's `resources[].instances[].attributes`, a resource's `values`): a key the
 * record names binds their value-like fields, and these too.
 */
const ATTRIBUTE_OBJECTS = new Set(["attributes", "values"]);
const ATTRIBUTE_VALUES = new Set(["secret_string", "value", "default"]);
/** How many open records an attribute object may stand below the record that names it (`{resource}` → `[instances]` → `{instance}`). */
const ATTRIBUTE_DEPTH = 3;
/** Operators between a field and its value. */
const FIELD_OPS = new Set([":", "=", "=>"]);
/** Tokens before `name =` that make it a statement (`const name = …`, `obj.name = …`), not a field. */
const NOT_A_FIELD_AFTER = new Set(["const", "let", "var", "local", "my", "our", ".", "->", "::", "?."]);
/** What closes a record opened by each opener. */
const CLOSERS: Readonly<Record<string, readonly string[]>> = { "{": ["}"], "@{": ["}"], "[": ["]"], "(": [")"], "<": [">", "/>"], "[[": ["]]"] };
/** A token longer than this is no field: most keys are skipped unread. */
const LONGEST_FIELD = 40;
/** Field roles by spelling, kept for the run (the same field names recur in every file); started over past the limit. */
const fieldRoles = new Map<string, FieldRole>();
const FIELD_ROLE_MEMO_LIMIT = 10_000;

type FieldRole = "name" | "value" | null;

/** Whether a field holds a record's name or its value, by the field's last word; a `hash_value` or `page_id` holds neither. */
export function fieldRole(field: string): FieldRole {
  let role = fieldRoles.get(field);
  if (role === undefined) {
    const last = splitWords(field).at(-1);
    role = last === undefined || namesNonCredential(field) ? null : VALUE_WORDS.has(last) ? "value" : NAME_WORDS.has(last) ? "name" : null;
    if (fieldRoles.size >= FIELD_ROLE_MEMO_LIMIT) fieldRoles.clear();
    fieldRoles.set(field, role);
  }
  return role;
}

/** A column list's or a table header's name-like columns and its first value-like one. */
export interface ColumnRoles {
  /** Every name-like column: `(id, provider, name, value)` has two. */
  names: Set<number>;
  value?: number;
}

/** The roles of the columns `fields` name, by position (fieldRole: `name`, `setting_key`, `value`, …). */
export function columnRoles(fields: readonly (string | undefined)[]): ColumnRoles {
  const roles: ColumnRoles = { names: new Set() };
  fields.forEach((field, column) => {
    const role = field === undefined ? null : fieldRole(field);
    if (role === "name") roles.names.add(column);
    else if (role === "value") roles.value ??= column;
  });
  return roles;
}

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
  /** The field name the token at `index` spells, as written, when it can be one. */
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
  /** An attribute object (ATTRIBUTE_OBJECTS) that took its key from the record around it. */
  attributes?: boolean;
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
  /** A key-named field with nothing after it on its line, and its column: the mapping opened below it is its record. */
  private pendingLabel: { key: Key; column: number } | undefined;

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
    if (token.kind !== "identifier" && token.kind !== "string") return;
    const op = this.code[index + 1];
    if (op?.kind !== "punct" || !FIELD_OPS.has(op.text)) return;
    const previous = this.code[index - 1];
    if ((previous?.kind === "identifier" || previous?.kind === "punct") && NOT_A_FIELD_AFTER.has(previous.text)) return;
    if (this.layout.indented) this.enterIndentedField(index);
    const record = this.open.at(-1);
    if (this.layout.indented) this.labelIndentedMapping(index, op);
    if (!record || token.end - token.start > LONGEST_FIELD) return;
    const field = this.reader.fieldName(index);
    const role = field === undefined ? null : fieldRole(field);
    if (role === "name") record.key ??= this.reader.keyAt(index + 2);
    else if ((role === "value" || (record.attributes && ATTRIBUTE_VALUES.has(field!))) && record.valueIndex < 0 && this.holdsValue(index + 2)) {
      record.valueIndex = index + 2;
    }
    this.bindIfPaired(record);
  }

  /**
   * `CONVOSO_AUTH_TOKEN:` with nothing after it on its line: the mapping indented
   * below it is its record (GitLab CI's `K: { value: …, expand: false }` written out).
   */
  private labelIndentedMapping(index: number, op: Token): void {
    const value = this.code[index + 2];
    this.pendingLabel = undefined;
    if (value === undefined || !this.lineBreakBetween(op.end, value.start)) return;
    const key = this.reader.keyAt(index);
    if (key !== undefined) this.pendingLabel = { key, column: this.code[index]!.start - this.lineStart };
  }

  /** Whether a line break stands between `from` and `to` (two adjacent tokens: a short gap). */
  private lineBreakBetween(from: number, to: number): boolean {
    for (let at = from; at < to; at++) if (this.text.charCodeAt(at) === CharacterCodes.lineFeed) return true;
    return false;
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
      if (text === "{" || text === "@{") this.labelByField(index);
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

  /** `"auth_token": { "value": … }`, `authToken: { default: … }`: the field a record is the value of names it. */
  private labelByField(index: number): void {
    const op = this.code[index - 1];
    if (op?.kind !== "punct" || !FIELD_OPS.has(op.text) || index < 2) return;
    const record = this.open.at(-1)!;
    record.key ??= this.reader.keyAt(index - 2);
    if (record.key === undefined && ATTRIBUTE_OBJECTS.has(this.reader.fieldName(index - 2) ?? "")) this.inheritKey(record);
  }

  /** `{ "name": "convoso_auth_token", "instances": [ { "attributes": { "secret_string": … } } ] }`: the nearest named record above lends its key. */
  private inheritKey(record: OpenRecord<Key>): void {
    for (let depth = 2; depth <= ATTRIBUTE_DEPTH + 1 && record.key === undefined; depth++) {
      const outer = this.open.at(-depth);
      if (outer === undefined) return;
      if (outer.key === undefined) continue;
      record.key = outer.key;
      record.attributes = true;
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
    if (this.open.at(-1)?.column !== column) {
      const label = this.pendingLabel !== undefined && this.pendingLabel.column < column ? this.pendingLabel.key : undefined;
      this.push({ closers: [], column, valueIndex: -1, bound: false, key: label });
    }
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
