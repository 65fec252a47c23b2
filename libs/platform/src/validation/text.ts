/**
 * The one rule for text people type (names, titles, descriptions, messages), applied where it
 * enters: Unicode NFC; trimmed; no control characters (single-line text takes none, multi-line
 * text takes line breaks and tabs); no bidirectional embeddings, overrides or isolates (they let
 * a name read differently from what it is); not only invisible characters; and a length counted
 * in the characters a person sees (grapheme clusters), not in UTF-16 code units.
 */
export interface TextRule {
  max: number;
  multiline?: boolean;
}

export type TextCheck = { ok: true; value: string } | { ok: false; message: string };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** C0 and C1 controls, DEL, and the line and paragraph separators; tab and line feed when allowed. */
function hasControl(text: string, allowBreaks: boolean): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (allowBreaks && (unit === 0x09 || unit === 0x0a)) continue;
    if (unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f) || unit === 0x2028 || unit === 0x2029) {
      return true;
    }
  }
  return false;
}

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
// What shows nothing: spaces, format characters (zero-width, joiners, marks), combining marks
// on nothing, and the Hangul fillers.
const INVISIBLE = /[\s\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0]/gu;

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Characters a person sees, counted up to `limit + 1` at most (enough to tell "too long"). */
export function visibleLength(text: string, limit = Infinity): number {
  let count = 0;
  const segments = graphemes.segment(text)[Symbol.iterator]();
  while (count <= limit && !segments.next().done) count += 1;
  return count;
}

export function checkText(raw: string, rule: TextRule): TextCheck {
  if (LONE_SURROGATE.test(raw))
    return { ok: false, message: 'contains characters that are not text' };
  let value = raw.normalize('NFC');
  if (rule.multiline) value = value.replace(/\r\n?/g, '\n');
  value = value.trim();
  if (hasControl(value, rule.multiline === true)) {
    return {
      ok: false,
      message: rule.multiline
        ? 'must not contain control characters (line breaks and tabs are fine)'
        : 'must not contain control characters or line breaks',
    };
  }
  if (BIDI_CONTROL.test(value)) {
    return { ok: false, message: 'must not contain bidirectional override characters' };
  }
  const length = visibleLength(value, rule.max);
  if (length < 1 || length > rule.max) {
    return { ok: false, message: `use 1 to ${rule.max} characters` };
  }
  if (value.replace(INVISIBLE, '') === '') {
    return { ok: false, message: 'must contain something visible' };
  }
  return { ok: true, value };
}
