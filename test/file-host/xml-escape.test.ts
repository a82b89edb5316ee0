/** Escaping text for element content and attributes: plain text comes back as it is, everything else is escaped as
 *  before the one-pass check was added. Expected strings are written by hand. */
import { describe, expect, it } from 'vitest';
import { escAttr, escText } from '../../file-host/xlsx/xml.js';

describe('escaping XML text', () => {
  it('plain text, accented letters, dashes, emoji, tabs and line feeds in content are left as they are', () => {
    expect(escText('Plain text – café 👍')).toBe('Plain text – café 👍');
    expect(escText('line\nbreak\ttab')).toBe('line\nbreak\ttab');
    expect(escAttr('Plain – café')).toBe('Plain – café');
    expect(escAttr('under_score')).toBe('under_score');
  });

  it('a carriage return in content is a character reference (XML readers turn a raw CR or CR LF into a line feed)', () => {
    expect(escText('line\nbreak\ttab\r')).toBe('line\nbreak\ttab&#13;');
    expect(escText('one\r\ntwo')).toBe('one&#13;\ntwo');
  });

  it('markup characters, forbidden characters and a literal _xHHHH_ in content are escaped', () => {
    expect(escText('Tom & "Jerry" <3 >')).toBe('Tom &amp; &quot;Jerry&quot; &lt;3 &gt;');
    expect(escText('a_x0041_b')).toBe('a_x005F_x0041_b');
    expect(escText('under_score')).toBe('under_score');
    expect(escText('bell\u0007')).toBe('bell_x0007_');
    expect(escText('lone \uD83D here')).toBe('lone _xD83D_ here');
    expect(escText('\uFFFE')).toBe('_xFFFE_');
  });

  it('in an attribute, tab and line breaks become character references and control characters are dropped', () => {
    expect(escAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(escAttr('x\u0001y')).toBe('xy');
    expect(escAttr('"A" & <B>')).toBe('&quot;A&quot; &amp; &lt;B&gt;');
  });
});
