/**
 * The SSH wire encoding (RFC 4251 §5): big-endian uint32 lengths before byte strings and multiple-precision
 * integers. Keys, signatures and the OpenSSH private key container are all built from these few pieces.
 */

export class SshReader {
  private offset = 0;

  constructor(private readonly buffer: Buffer) {}

  get done(): boolean {
    return this.offset >= this.buffer.length;
  }

  get remaining(): number {
    return this.buffer.length - this.offset;
  }

  bytes(length: number): Buffer {
    if (length < 0 || this.offset + length > this.buffer.length) throw new Error('truncated SSH data');
    const out = this.buffer.subarray(this.offset, this.offset + length);
    this.offset += length;
    return out;
  }

  uint32(): number {
    return this.bytes(4).readUInt32BE(0);
  }

  string(): Buffer {
    return this.bytes(this.uint32());
  }

  text(): string {
    return this.string().toString('utf8');
  }

  /** An mpint as unsigned big-endian bytes without leading zeros (SSH keys hold only non-negative integers). */
  mpint(): Buffer {
    const raw = this.string();
    if (raw.length > 0 && (raw[0] & 0x80) !== 0) throw new Error('negative SSH integer');
    let start = 0;
    while (start < raw.length - 1 && raw[start] === 0) start++;
    return raw.subarray(start);
  }
}

export class SshWriter {
  private readonly parts: Buffer[] = [];

  raw(bytes: Buffer | string): this {
    this.parts.push(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes);
    return this;
  }

  uint32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(value, 0);
    this.parts.push(b);
    return this;
  }

  string(value: Buffer | string): this {
    const bytes = typeof value === 'string' ? Buffer.from(value, 'utf8') : value;
    return this.uint32(bytes.length).raw(bytes);
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}
