import {
  AccessLogArgs,
  AccessLogEntryConnection,
  assertOwnLogReader,
  bounded,
  Department,
  IsIdNumber,
  listAccessLog,
  PAGE_BOUND,
  personRefOf,
  Public,
} from '@labour/shared';
import { Args, ArgsType, Ctx, Field, Query, Resolver } from 'type-graphql';
import type { HrRequestContext } from '../request-context';

@ArgsType()
class WorkerAccessLogArgs extends AccessLogArgs {
  @Field({ description: "The worker's resident identity number (身份证号); checked, then turned into the personRef the log records." })
  @IsIdNumber()
  idNumber: string;
}

@Resolver()
export class WorkerAccessLogResolver {
  @Query(() => AccessLogEntryConnection, {
    description: bounded(
      "Who has read this worker's data (谁查阅了该职工的信息): the HR_BUREAU access-log entries whose subject keys hold the worker's personRef, newest first. HR_BUREAU ADMIN or AUDITOR only.",
      PAGE_BOUND,
    ),
  })
  @Public() // the guard is the ADMIN/AUDITOR check below, not a data class
  workerAccessLog(@Args() { idNumber, ...filter }: WorkerAccessLogArgs, @Ctx() ctx: HrRequestContext): Promise<AccessLogEntryConnection> {
    assertOwnLogReader(ctx.principal, Department.HR_BUREAU);
    return listAccessLog(ctx.em, { ...filter, subjectKey: personRefOf(idNumber, ctx.linkageKey) });
  }
}
