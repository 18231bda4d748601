import { ArrayType } from '@mikro-orm/core';

/**
 * A PostgreSQL `text[]` whose elements come back exactly as written. MikroORM's own array marshalling
 * leaves elements unquoted unless they hold a comma, quote or brace, so PostgreSQL trims surrounding
 * spaces and reads `NULL` as a null, and it escapes control characters the JSON way, which PostgreSQL
 * reads differently. The access log hashes what it writes and re-hashes what it reads: every element is
 * quoted here, with only `"` and `\` escaped, as the array literal syntax wants.
 */
export class TextArrayType extends ArrayType<string> {
  override convertToDatabaseValue(value: string[] | null): string | null {
    if (!value) return value;
    return `{${value.map((element) => `"${String(element).replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  }
}
