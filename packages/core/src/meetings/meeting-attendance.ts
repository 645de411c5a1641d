import type { MeetingParameters } from '../policy/parameters.js';
import { attendance, type AttendanceGraces, type AttendanceReport } from './attendance.js';
import { expectedAttendees, type Meeting } from './meeting.js';

/**
 * A meeting's attendance (M-6) from its own state: judged against its booked start and end, over
 * the people expected (the chair, the recorder, the sign-in officer and the participants, a
 * delegate in place of whoever delegated; not the informed), its sign-in log and the excuses the chair
 * accepted.
 *
 * @param m - the meeting
 * @param params - the graces in force (a policy's `meetings` group)
 * @returns the report, or undefined for a meeting with no booking
 * @example
 * meetingAttendance(endedMeeting, DEFAULT_PARAMETERS.meetings)?.attendanceRate // => 0.75
 */
export function meetingAttendance(
  m: Meeting,
  params: AttendanceGraces | MeetingParameters,
): AttendanceReport | undefined {
  if (m.booking === undefined) return undefined;
  return attendance(
    { start: m.booking.start, end: m.booking.end, expected: expectedAttendees(m) },
    m.signIns,
    m.excused,
    params,
  );
}
