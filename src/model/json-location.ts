/**
 * Where a JSON text goes wrong, with line and column, worded the same in every engine.
 */
/** Where JSON text stops being valid: 0-based offset, 1-based line and column, and why. */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  message: string;
}

class Stop {
  constructor(readonly offset: number, readonly message: string) {}
}

/**
 * Finds the first syntax error in `text`, or null if it is valid JSON. We scan ourselves instead
 * of parsing `JSON.parse`'s message because engines word it differently and Node 20's V8 gives no
 * position at all, yet planners who edit files by hand need the line.
 */
export function locateJsonError(text: string): JsonErrorLocation | null {
  let i = 0;
  const show = (): string => (i >= text.length ? 'end of file' : JSON.stringify(text[i]));
  const fail = (what: string): never => {
    throw new Stop(i, `${what}, found ${show()}`);
  };
  const space = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const string = (): void => {
    i++; // opening quote
    for (;;) {
      if (i >= text.length) throw new Stop(i, 'unterminated string');
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) throw new Stop(i, 'line break or control character inside a string');
      if (c === 0x5c) {
        const e = text[i + 1] ?? '';
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else if (e !== '' && '"\\/bfnrt'.includes(e)) i += 2;
        else throw new Stop(i, 'invalid escape in string');
      } else i++;
    }
  };
  const scalar = (): void => {
    const m = /^(?:-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 400));
    if (m === null || m[0] === '') fail('expected a value');
    i += (m as RegExpExecArray)[0].length;
  };
  /** A property name and its colon; the value follows. */
  const member = (): void => {
    space();
    if (text[i] !== '"') fail('expected a property name in double quotes');
    string();
    space();
    if (text[i] !== ':') fail('expected ":" after the property name');
    i++;
  };
  /**
   * One JSON value. An explicit stack of open containers instead of recursion: a file nested a
   * million levels deep must still get its line, not a stack overflow.
   */
  const value = (): void => {
    const open: ('{' | '[')[] = [];
    let needValue = true;
    for (;;) {
      if (needValue) {
        space();
        const c = text[i];
        needValue = false;
        if (c === '{' || c === '[') {
          i++;
          space();
          if (text[i] === (c === '{' ? '}' : ']')) i++;
          else {
            open.push(c);
            if (c === '{') member();
            needValue = true;
          }
        } else if (c === '"') string();
        else scalar();
        continue;
      }
      const top = open[open.length - 1];
      if (top === undefined) return;
      space();
      if (text[i] === (top === '{' ? '}' : ']')) {
        i++;
        open.pop();
        continue;
      }
      if (text[i] !== ',') fail(top === '{' ? 'expected "," or "}" after a property value' : 'expected "," or "]" after an array element');
      i++;
      if (top === '{') member();
      needValue = true;
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail('expected the end of the file after the JSON value');
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    const before = text.slice(0, e.offset);
    const line = before.split('\n').length;
    return { offset: e.offset, line, column: e.offset - before.lastIndexOf('\n'), message: e.message };
  }
}
