import fc from 'fast-check';
import { checkText, visibleLength } from './text';

describe('the text rule', () => {
  const name = { max: 60 };

  it('keeps ordinary names, trimmed and in NFC', () => {
    expect(checkText('  Margaret  ', name)).toEqual({ ok: true, value: 'Margaret' });
    expect(checkText('Zoe\u0301', name)).toEqual({ ok: true, value: 'Zoé' });
    expect(checkText('محمد', name)).toEqual({ ok: true, value: 'محمد' });
    expect(checkText('李小龍', name)).toEqual({ ok: true, value: '李小龍' });
  });

  it('refuses NUL and other control characters, and line breaks in single-line text', () => {
    expect(checkText('Mar\u0000garet', name)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/control/) as string,
    });
    expect(checkText('a\nb', name)).toMatchObject({ ok: false });
    expect(checkText('a\u0085b', name)).toMatchObject({ ok: false });
    expect(checkText('line one\r\nline two\tend', { max: 100, multiline: true })).toEqual({
      ok: true,
      value: 'line one\nline two\tend',
    });
    expect(checkText('bell\u0007', { max: 100, multiline: true })).toMatchObject({ ok: false });
  });

  it('refuses bidirectional overrides, embeddings and isolates', () => {
    for (const control of ['\u202E', '\u202A', '\u2066', '\u2069']) {
      expect(checkText(`evil${control}txt.exe`, name)).toMatchObject({
        ok: false,
        message: 'must not contain bidirectional override characters',
      });
    }
  });

  it('refuses text that shows nothing', () => {
    for (const invisible of ['\u200B\u200B', '\u200D', '\u3164', '\u2060', '\u0301']) {
      expect(checkText(invisible, name)).toMatchObject({ ok: false });
    }
    expect(checkText('   ', name)).toMatchObject({ ok: false, message: 'use 1 to 60 characters' });
  });

  it('counts what a person sees: a family emoji is one character, not eleven code units', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}\u200D\u{1F466}';
    expect(visibleLength(family)).toBe(1);
    expect(checkText(family.repeat(60), name)).toMatchObject({ ok: true });
    expect(checkText('x'.repeat(61), name)).toMatchObject({ ok: false });
  });

  it('lets through only clean text, and is stable on what it lets through', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.boolean(), (raw, multiline) => {
        const rule = { max: 40, multiline };
        const result = checkText(raw, rule);
        if (!result.ok) return;
        const { value } = result;
        expect(value).toBe(value.normalize('NFC'));
        expect(value).toBe(value.trim());
        for (const char of value) {
          const code = char.codePointAt(0)!;
          const control = code <= 0x1f || (code >= 0x7f && code <= 0x9f);
          const bidi = (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
          expect(bidi || (control && !(multiline && (code === 0x09 || code === 0x0a)))).toBe(false);
        }
        expect(visibleLength(value)).toBeLessThanOrEqual(40);
        expect(checkText(value, rule)).toEqual({ ok: true, value });
      }),
      { numRuns: 3000 },
    );
  });
});
