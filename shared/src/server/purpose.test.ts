import { purposeOf } from './subgraph-server';

describe('purposeOf (X-Purpose as the access log keeps it)', () => {
  it('decodes a percent-encoded purpose, keeps a malformed one as sent, and cuts at 500 characters', () => {
    expect(purposeOf(undefined)).toBeNull();
    expect(purposeOf('')).toBeNull();
    expect(purposeOf(encodeURIComponent('双月沟通会 2026-11'))).toBe('双月沟通会 2026-11');
    expect(purposeOf('100% sure')).toBe('100% sure');
    expect(purposeOf('x'.repeat(600))).toBe('x'.repeat(500));
  });

  it('turns a NUL, which PostgreSQL text cannot store, into U+FFFD', () => {
    expect(purposeOf('audit%00probe')).toBe('audit\uFFFDprobe');
    expect(purposeOf('%E5%AE%A1%00%00')).toBe('审\uFFFD\uFFFD');
  });
});
