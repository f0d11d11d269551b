// git's `-z` output read as it streams: fields end at NUL bytes, and a field
// cut by a chunk boundary waits for the rest (so never splits inside a UTF-8
// character).

export class NulFields {
  private carry: Buffer = Buffer.alloc(0);

  /** The fields completed by `chunk`, decoded as UTF-8. */
  push(chunk: Buffer): string[] {
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const fields: string[] = [];
    let start = 0;
    for (let nul = bytes.indexOf(0); nul !== -1; start = nul + 1, nul = bytes.indexOf(0, start)) fields.push(bytes.toString("utf8", start, nul));
    this.carry = bytes.subarray(start);
    return fields;
  }

  /** What followed the last NUL (a last field without one; "" when the output ended with one). */
  rest(): string {
    return this.carry.toString("utf8");
  }
}
