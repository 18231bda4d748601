import type { MeetingContext } from './MeetingPage';

/** A day in China (UTC+8) as `YYYY-MM-DD`. */
export function chinaDay(at: Date | string = new Date()): string {
  return new Date(new Date(at).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** Decisions and follow-ups are dated no earlier than the meeting day. */
export function earliestDay(ctx: MeetingContext): string {
  const today = chinaDay();
  const meetingDay = chinaDay(ctx.meeting.scheduledAt);
  return today > meetingDay ? today : meetingDay;
}
