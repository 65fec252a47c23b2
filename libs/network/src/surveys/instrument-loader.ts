import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node, ParseError } from 'jsonc-parser';
import { INSTRUMENT } from './instrument';
import type { Instrument } from './instrument';

export class InstrumentFileError extends Error {
  constructor(readonly problems: { line: number; message: string }[]) {
    super(
      `The instrument file was refused:\n${problems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}`,
    );
    this.name = 'InstrumentFileError';
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i += 1) if (text[i] === '\n') line += 1;
  return line;
}

/**
 * Reads an instrument definition (JSON; comments allowed) and checks it against the format.
 * Refuses it, naming the line of every problem, if it does not parse or does not fit.
 */
export function parseInstrument(text: string): Instrument {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: false });
  if (errors.length > 0 || !tree)
    throw new InstrumentFileError(
      (errors.length > 0 ? errors : [{ offset: 0, error: 1, length: 0 } as ParseError]).map(
        (e) => ({ line: lineAt(text, e.offset), message: printParseErrorCode(e.error) }),
      ),
    );
  const parsed = INSTRUMENT.safeParse(getNodeValue(tree));
  if (parsed.success) return parsed.data;
  throw new InstrumentFileError(
    parsed.error.issues.map((issue) => {
      // The nearest node the path reaches: the field itself, or the object missing it.
      let node: Node | undefined;
      for (let n = issue.path.length; n >= 0 && !node; n -= 1)
        node = findNodeAtLocation(tree, issue.path.slice(0, n));
      const where = issue.path.join('.') || '(the file)';
      return { line: lineAt(text, node?.offset ?? 0), message: `${where}: ${issue.message}` };
    }),
  );
}
