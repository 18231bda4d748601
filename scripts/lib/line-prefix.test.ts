import { formatPrefix, LineSplitter, prefixStyleFor, wantsColour } from './line-prefix';

describe('formatPrefix', () => {
  it('pads every prefix to the widest name so the lines align', () => {
    const style = prefixStyleFor(['hr-bureau', 'union', 'gateway'], false);
    expect(formatPrefix('hr-bureau', style)).toBe('[hr-bureau] ');
    expect(formatPrefix('union', style)).toBe('[union]     ');
    expect(formatPrefix('gateway', style)).toHaveLength(formatPrefix('hr-bureau', style).length);
  });

  it('colours the name, not the padding, and only when asked to', () => {
    const style = prefixStyleFor(['union', 'court'], true);
    const prefix = formatPrefix('court', style);
    expect(prefix).toMatch(/^\u001b\[\d+m\[court\]\u001b\[0m $/);
    expect(formatPrefix('court', { ...style, colour: false })).toBe('[court] ');
  });
});

describe('wantsColour', () => {
  const tty = { isTTY: true } as unknown as NodeJS.WritableStream;
  const pipe = {} as NodeJS.WritableStream;
  it('colours a terminal unless NO_COLOR is set, and never a pipe unless FORCE_COLOR is', () => {
    expect(wantsColour(tty, {})).toBe(true);
    expect(wantsColour(tty, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour(pipe, {})).toBe(false);
    expect(wantsColour(pipe, { FORCE_COLOR: '1' })).toBe(true);
  });
});

describe('LineSplitter', () => {
  it('emits whole lines however the chunks are cut, and the unterminated tail at the end', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.push('{"msg":"sta');
    splitter.push('rted"}\r\nsecond\nthi');
    expect(lines).toEqual(['{"msg":"started"}', 'second']);
    splitter.push('rd');
    splitter.end();
    expect(lines).toEqual(['{"msg":"started"}', 'second', 'third']);
  });

  it('keeps empty lines', () => {
    const lines: string[] = [];
    const splitter = new LineSplitter((line) => lines.push(line));
    splitter.push('a\n\nb\n');
    splitter.end();
    expect(lines).toEqual(['a', '', 'b']);
  });
});
