/**
 * A part's text written piece by piece (a row at a time, or a run of rows kept as they were read) and encoded as
 * UTF-8 as it comes, a batch of pieces at a time: a large part (a Responses tab of a thousand respondents is 7 MB)
 * is then never held as one string as well as its bytes, and each row's text is garbage as soon as it is encoded.
 */

export interface TextSink {
  write(s: string): void;
  /** `text.slice(from, to)`, where `text` is the part as read (a sink may copy that run's original bytes instead) */
  writeSource(text: string, from: number, to: number): void;
}

/** Pieces collected for joining into one string. */
export class StringSink implements TextSink {
  private readonly parts: string[] = [];
  write(s: string): void {
    this.parts.push(s);
  }
  writeSource(text: string, from: number, to: number): void {
    this.parts.push(text.slice(from, to));
  }
  toString(): string {
    return this.parts.join('');
  }
}

/** Pieces encoded as UTF-8, a batch of about 256 K characters at a time into a buffer of the batch's exact size (lone
 *  surrogates become U+FFFD, as `TextEncoder` makes them); the batches are handed on as pieces (`toPieces`). */
export class ByteSink implements TextSink {
  private pending: string[] = [];
  private pendingChars = 0;
  private readonly chunks: Uint8Array[] = [];
  /** where `source`'s text and bytes were last matched: a character offset and its byte offset */
  private sourceChar = 0;
  private sourceByte = 0;

  /** `source`: a text and the UTF-8 bytes it was decoded from, exactly (valid UTF-8, no byte order mark), so runs of
   *  the text kept as read are copied as their bytes (`writeSource`) instead of encoded again. */
  constructor(private readonly source: { text: string; bytes: Uint8Array } | null = null) {}

  /** `text.slice(from, to)`: copied from the source's bytes when `text` is the source and the run comes after the
   *  last one copied (offsets fall between elements, never inside a character), else encoded. */
  writeSource(text: string, from: number, to: number): void {
    const src = this.source;
    if (!src || src.text !== text || from < this.sourceChar) {
      this.write(text.slice(from, to));
      return;
    }
    if (to <= from) return;
    this.flush();
    const start = this.sourceByte + Buffer.byteLength(src.text.slice(this.sourceChar, from), 'utf8');
    const end = start + Buffer.byteLength(src.text.slice(from, to), 'utf8');
    this.chunks.push(src.bytes.subarray(start, end));
    this.sourceChar = to;
    this.sourceByte = end;
  }

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
    this.pending = [];
    this.pendingChars = 0;
  }

  /** The bytes as pieces to be joined in order, without joining them: runs of small pieces are joined (so they
   *  compress together), a piece of 64 KB or more (a run copied as read, a batch) stays as it is. */
  toPieces(): Uint8Array[] {
    this.flush();
    const out: Uint8Array[] = [];
    let small: Uint8Array[] = [];
    let smallBytes = 0;
    const join = (): void => {
      if (small.length > 0) out.push(small.length === 1 ? small[0]! : Buffer.concat(small, smallBytes));
      small = [];
      smallBytes = 0;
    };
    for (const c of this.chunks) {
      if (c.length >= 65_536) {
        join();
        out.push(c);
      } else {
        small.push(c);
        smallBytes += c.length;
      }
    }
    join();
    return out;
  }
}
