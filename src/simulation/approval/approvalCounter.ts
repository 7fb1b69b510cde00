import type { ApprovalProfile } from "../../tally/ballots/approvalProfile.js";

/**
 * Approval ballots as sets of candidate indexes, counted: identical ballots merged in the
 * order first drawn. Up to 24 candidates a ballot is its bit mask; beyond, its text.
 *
 * @internal
 */
export class ApprovalCounter {
  private readonly counts = new Map<number | string, { approved: number[]; count: number }>();

  constructor(private readonly candidates: number) {}

  add(approved: readonly number[]): void {
    let key: number | string;
    if (this.candidates <= 24) {
      key = 0;
      for (const c of approved) key |= 1 << c;
    } else key = [...approved].sort((a, b) => a - b).join(",");
    const known = this.counts.get(key);
    if (known !== undefined) known.count++;
    else this.counts.set(key, { approved: [...approved].sort((a, b) => a - b), count: 1 });
  }

  /** The profile over candidates `ids` (default `c1` … `cm`). */
  profile(ids?: readonly string[]): ApprovalProfile {
    const names = ids ?? Array.from({ length: this.candidates }, (_, k) => `c${k + 1}`);
    return {
      candidates: names,
      names: Object.create(null) as Record<string, string>,
      ballots: [...this.counts.values()].map(({ approved, count }) => ({
        approved: approved.map((index) => names[index] as string),
        weight: count,
      })),
    };
  }
}
