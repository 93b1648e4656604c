/** Where a JSON text first breaks the grammar: a zero-based offset, or `undefined` when it is valid. */
export function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at]!)) at++;
  };
  const fail = (): never => {
    throw at;
  };
  const expect = (literal: string) => {
    for (const char of literal) {
      if (text[at] !== char) fail();
      at++;
    }
  };
  function string(): void {
    expect('"');
    for (;;) {
      const char = text[at];
      if (char === undefined || char < ' ') fail();
      at++;
      if (char === '"') return;
      if (char === '\\') {
        const escape = text[at];
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(at + 1, at + 5))) fail();
          at += 5;
        } else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) at++;
        else fail();
      }
    }
  }
  function number(): void {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match) fail();
    at += match![0].length;
  }
  function list(close: string, item: () => void): void {
    at++;
    space();
    if (text[at] === close) return void at++;
    for (;;) {
      item();
      space();
      if (text[at] === close) return void at++;
      if (text[at] !== ',') fail();
      at++;
      space();
    }
  }
  function value(): void {
    space();
    const char = text[at];
    if (char === '{') {
      list('}', () => {
        space();
        string();
        space();
        expect(':');
        value();
      });
    } else if (char === '[') list(']', value);
    else if (char === '"') string();
    else if (char === 't') expect('true');
    else if (char === 'f') expect('false');
    else if (char === 'n') expect('null');
    else number();
  }
  try {
    value();
    space();
    return at < text.length ? at : undefined;
  } catch (offset) {
    return offset as number;
  }
}

/**
 * Why a JSON text does not parse, by line and column only. The engine's own message may quote the
 * text around the error, and in a registry file that text can be a provider's `secret`.
 * @example jsonSyntaxError('{\n  "a": x\n}') // 'a syntax error at line 2, column 8'
 */
export function jsonSyntaxError(text: string): string {
  const offset = jsonErrorOffset(text) ?? text.length;
  const before = text.slice(0, offset).split('\n');
  return `a syntax error at line ${before.length}, column ${before.at(-1)!.length + 1}`;
}
