/**
 * A part's text written piece by piece (a row at a time, or a run of rows kept as they were read) and encoded as
 * UTF-8 as it comes, a batch of pieces at a time: a large part (a Responses tab of a thousand respondents is 7 MB)
 * is then never held as one string as well as its bytes, and each row's text is garbage as soon as it is encoded.
 */

export interface TextSink {
  write(s: string): void;
}

/** Pieces collected for joining into one string. */
export class StringSink implements TextSink {
  private readonly parts: string[] = [];
  write(s: string): void {
    this.parts.push(s);
  }
  toString(): string {
    return this.parts.join('');
  }
}

/** Pieces encoded as UTF-8, a batch of about 256 K characters at a time into a buffer of the batch's exact size (lone
 *  surrogates become U+FFFD, as `TextEncoder` makes them); the batches are joined once at the end. */
export class ByteSink implements TextSink {
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly chunks: Buffer[] = [];
  private total = 0;

  write(s: string): void {
    if (s === '') return;
    this.pending.push(s);
    this.pendingChars += s.length;
    if (this.pendingChars >= 262_144) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    let n = 0;
    for (const p of this.pending) n += Buffer.byteLength(p, 'utf8');
    const b = Buffer.allocUnsafe(n);
    let at = 0;
    for (const p of this.pending) at += b.write(p, at, 'utf8');
    this.chunks.push(b);
    this.total += n;
    this.pending = [];
    this.pendingChars = 0;
  }

  toBytes(): Uint8Array {
    this.flush();
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.total);
  }
}
