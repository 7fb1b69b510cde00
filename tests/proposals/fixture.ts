import { expect } from "vitest";
import { validateProcess } from "../../src/calendar/index.js";
import {
  type Consultation,
  emptyConsultation,
  type ProposalEvent,
  type TransitionContext,
  transition,
} from "../../src/proposals/index.js";

/** A consultation calendar: ideas (propose, support, comment, amend), then answers (with costs). */
export const process = (() => {
  const checked = validateProcess({
    id: "c",
    title: "Consultation",
    timeZone: "Europe/Paris",
    phases: [
      {
        id: "ideas",
        title: "Ideas",
        start: "2026-03-01",
        end: "2026-03-31",
        permits: ["proposals.create", "proposals.support", "proposals.comment", "proposals.amend"],
      },
      {
        id: "answers",
        title: "Answers",
        start: "2026-04-01",
        end: "2026-04-30",
        permits: ["proposals.answer"],
        settings: { proposals: { answersWithCosts: true } },
      },
    ],
  });
  if (!checked.ok) throw new Error(checked.issues[0]?.message);
  return checked.value;
})();

export const during = Date.parse("2026-03-10T10:00:00Z");
export const answering = Date.parse("2026-04-10T10:00:00Z");
export const after = Date.parse("2026-05-10T10:00:00Z");

export const context: TransitionContext = {
  rules: { voteLimit: 2, minimumSupports: 2 },
  process,
  instant: during,
  admins: ["city"],
  valuators: ["val"],
};

/** Runs commands (at `during` unless an instant is given); every one must be accepted. */
export function play(
  commands: readonly (unknown | [unknown, number])[],
  options: { readonly context?: TransitionContext; readonly from?: Consultation } = {},
): { state: Consultation; log: ProposalEvent[] } {
  let state = options.from ?? emptyConsultation;
  const log: ProposalEvent[] = [];
  for (const entry of commands) {
    const [command, instant] = Array.isArray(entry) ? entry : [entry, during];
    const step = transition(state, command, { ...(options.context ?? context), instant });
    if (!step.ok) throw new Error(`${JSON.stringify(command)}: ${step.issues[0]?.message}`);
    state = step.value.state;
    log.push(...step.value.events);
  }
  return { state, log };
}

/** The reason a command is refused (fails the test if it is accepted). */
export function refusal(
  state: Consultation,
  command: unknown,
  instant = during,
  overrides: { readonly [K in keyof TransitionContext]?: TransitionContext[K] | undefined } = {},
): string | undefined {
  const step = transition(state, command, {
    ...context,
    ...overrides,
    instant,
  } as TransitionContext);
  expect(step.ok).toBe(false);
  return step.ok ? undefined : step.issues[0]?.message;
}

/** Two published proposals by ana (p1, p2) and her draft p3. */
export const publishedTwo = [
  { type: "create", proposal: "p1", author: "ana", title: "Bancs", scope: "doutre" },
  { type: "publish", proposal: "p1", actor: "ana" },
  { type: "create", proposal: "p2", author: "ana", title: "Arbres", scope: "centre" },
  { type: "publish", proposal: "p2", actor: "ana" },
  { type: "create", proposal: "p3", author: "ana", title: "Kiosque" },
];
