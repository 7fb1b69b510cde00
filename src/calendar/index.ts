/**
 * Participatory processes and their phase calendars: definitions as JSON (zod), validation
 * in the process's own time zone, the phase running at an instant, what it permits and who
 * is eligible (refusals as coded issues), schedule changes, and iCalendar export.
 *
 * @module calendar
 */

export { type AccessIssueCode, accessIssue, accessIssueMessages } from "./accessIssues.js";
export {
  type CalendarIssueCode,
  type CalendarIssueParams,
  calendarIssueMessages,
} from "./calendarIssues.js";
export {
  changeSchedule,
  type NeighbourPolicy,
  type ScheduleChange,
} from "./changeSchedule.js";
export {
  checkEligibility,
  type EligibilityPolicy,
  type Participant,
} from "./eligibility.js";
export { isAllowed } from "./isAllowed.js";
export { nextTransition } from "./nextTransition.js";
export { phaseAt } from "./phaseAt.js";
export {
  KNOWN_CAPABILITIES,
  type Phase,
  type ProcessDefinition,
  phaseSchema,
  processDefinitionSchema,
} from "./processDefinition.js";
export { processJsonSchema } from "./processJsonSchema.js";
export { reminders } from "./reminders.js";
export { type TimelineEntry, timeline } from "./timeline.js";
export { toICalendar } from "./toICalendar.js";
export { type Process, validateProcess } from "./validateProcess.js";
export { processGroupSchema, validateProcessGroup } from "./validateProcessGroup.js";
