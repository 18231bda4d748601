import { Extensions } from 'type-graphql';

/**
 * How sensitive a field is (数据分级). Declared beside every field with `@Public()`, `@Shared()`,
 * `@Personal(mask)` or `@Restricted()`; the owning subgraph's permission layer decides from it:
 *
 * | class      | own department | another department                          | ANALYST       |
 * | ---------- | -------------- | ------------------------------------------ | ------------- |
 * | PUBLIC     | full           | full                                       | full          |
 * | SHARED     | full           | through an active sharing channel, else denied | denied    |
 * | PERSONAL   | full           | through an active channel, else masked     | always masked |
 * | RESTRICTED | full           | never                                      | never         |
 *
 * A figure computed from SHARED records (an indicator's amount) is SHARED too, declared
 * `@Shared({ statistic: true })`: another department reads it only through a channel that grants it,
 * as any SHARED field, and then disclosure-controlled (statistic.ts); the owning department's analysts
 * read it disclosure-controlled as well, while another department's analysts are denied it.
 */
export enum DataClass {
  PUBLIC = 'PUBLIC',
  SHARED = 'SHARED',
  PERSONAL = 'PERSONAL',
  RESTRICTED = 'RESTRICTED',
}

/** How a PERSONAL value is masked: `张*`, `110105********123X`, `138****5678`, or hidden text. */
export type MaskKind = 'name' | 'idNumber' | 'phone' | 'text';

/** What a field's GraphQL `extensions` carry about its sensitivity. */
export interface FieldClassification {
  dataClass: DataClass;
  mask?: MaskKind;
  /** A SHARED figure over records (statistic.ts): its readers outside the owning department's staff get it disclosure-controlled. */
  statistic?: boolean;
}

const classify = (classification: FieldClassification) => Extensions({ classification });

/** Anyone authenticated may read it: names of enterprises, statuses, dates, counts. */
export const Public = () => classify({ dataClass: DataClass.PUBLIC });
/**
 * Another department reads it only through an active sharing channel that grants it. `statistic`: the
 * field is a figure computed from SHARED records, which the owning department's analysts read too, and
 * which everyone but the owning department's staff reads disclosure-controlled (statistic.ts).
 */
export const Shared = (options: { statistic?: boolean } = {}) =>
  classify(options.statistic ? { dataClass: DataClass.SHARED, statistic: true } : { dataClass: DataClass.SHARED });
/** Personal data: masked for another department without a channel, and always for analysts. */
export const Personal = (mask: MaskKind) => classify({ dataClass: DataClass.PERSONAL, mask });
/** Never leaves the owning department. */
export const Restricted = () => classify({ dataClass: DataClass.RESTRICTED });

/** The classification a schema field carries, if any. */
export function classificationOf(field: { extensions?: Readonly<Record<string, unknown>> | null }): FieldClassification | undefined {
  return field.extensions?.['classification'] as FieldClassification | undefined;
}
