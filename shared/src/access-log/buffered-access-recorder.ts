import type { Principal } from '../context';
import type { FetchOrigin } from '../federation/merged-fetch';
import type { AccessEntry, AccessOutcome, AccessRecorder } from '../permissions/access-recorder';
import type { AccessLogEntry, AccessLogOutcome } from './access-log-entry.entity';

/** An access-log row before it is chained: everything but `id`, `prevHash` and `hash`. */
export type NewAccessLogRow = Omit<AccessLogEntry, 'id' | 'prevHash' | 'hash'>;

/** What the rows of one request share: who asked, when, what for. */
export interface AccessLogRequest {
  at: Date;
  principal: Principal;
  operationName: string | null;
  purpose: string | null;
  requestId: string;
}

interface Group {
  /** The fetch of a merged request the reads belong to (-1: the request as a whole). */
  fetch: number;
  outcome: AccessOutcome;
  channelId: string | null;
  typeName: string;
  subjectKeys: Set<string>;
  /** Field names of `typeName`, made `Type.field` when the rows are taken. */
  fieldNames: Set<string>;
}

/**
 * The access recorder of one request (`ctx.access`). `record` runs once per field per record read, so it
 * only folds the read into its group: one row per (outcome, channel, type) of the request, holding the
 * fields and subject keys of that group. A list of 100 workers read masked is one row with 100 keys and
 * three fields, not 300 rows, and "who read this worker" still finds it through the subject keys. The
 * pairing of field to record inside a group is not kept: one selection set reads the same fields of
 * every record of a type, so it adds little for a row per read. The Apollo plugin `accessLogPlugin`
 * takes the rows at the end of the request and hands them to the process's `AccessLogWriter`.
 *
 * A read costs two set insertions: the groups are found by type, then outcome and channel (maps of the
 * strings as given, no key composed per read), and `Type.field` is composed once per group and field at the end.
 */
export class BufferedAccessRecorder implements AccessRecorder {
  /** typeName → outcome → channelId ('' for none) → group, for the request as a whole. */
  private readonly index = new Map<string, Map<AccessOutcome, Map<string, Group>>>();
  /** The same per fetch, in one of the gateway's merged fetches (reads with `fetch`). */
  private readonly fetchIndexes: Array<Map<string, Map<AccessOutcome, Map<string, Group>>>> = [];
  /** The groups in the order they were first read. */
  private readonly groups: Group[] = [];

  record(entry: AccessEntry): void {
    const fetch = entry.fetch ?? -1;
    const index = fetch < 0 ? this.index : (this.fetchIndexes[fetch] ??= new Map());
    let byOutcome = index.get(entry.typeName);
    if (!byOutcome) index.set(entry.typeName, (byOutcome = new Map()));
    let byChannel = byOutcome.get(entry.outcome);
    if (!byChannel) byOutcome.set(entry.outcome, (byChannel = new Map()));
    let group = byChannel.get(entry.channelId ?? '');
    if (!group) {
      group = {
        fetch,
        outcome: entry.outcome,
        channelId: entry.channelId,
        typeName: entry.typeName,
        subjectKeys: new Set(),
        fieldNames: new Set(),
      };
      byChannel.set(entry.channelId ?? '', group);
      this.groups.push(group);
    }
    if (entry.subjectKey !== null) group.subjectKeys.add(entry.subjectKey);
    group.fieldNames.add(entry.fieldName);
  }

  /** Whether anything was recorded (most requests read nothing of another department). */
  get isEmpty(): boolean {
    return this.groups.length === 0;
  }

  /**
   * The rows of this request, in the order their groups were first read; empties the recorder. A read of
   * fetch `i` of a merged request gets `origins[i]`'s request id and operation name.
   */
  take(request: AccessLogRequest, origins?: readonly FetchOrigin[] | null): NewAccessLogRow[] {
    const rows = this.groups.map((group): NewAccessLogRow => {
      const origin = group.fetch >= 0 ? origins?.[group.fetch] : undefined;
      return {
        at: request.at,
        subject: request.principal.subject,
        subjectName: request.principal.name || null,
        department: request.principal.department,
        roles: [...request.principal.roles],
        operationName: origin ? origin.operationName : request.operationName,
        purpose: request.purpose,
        subjectKeys: [...group.subjectKeys].sort(),
        fields: [...group.fieldNames].map((fieldName) => `${group.typeName}.${fieldName}`).sort(),
        channelId: group.channelId,
        outcome: group.outcome as AccessLogOutcome,
        requestId: origin ? origin.requestId : request.requestId,
      };
    });
    this.groups.length = 0;
    this.index.clear();
    this.fetchIndexes.length = 0;
    return rows;
  }
}

/** A fresh recorder per request: the `accessRecorder` factory a department subgraph uses. */
export function createAccessRecorder(): BufferedAccessRecorder {
  return new BufferedAccessRecorder();
}
