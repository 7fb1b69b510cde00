import { describe, expect, it } from "vitest";
import {
  type ConsulInvestment,
  canSupportInHeading,
  consulFileFromJson,
  consulResults,
  consulVotes,
  decidimVotes,
} from "../../../src/budgeting/index.js";

/*
 * Golden examples written from CONSUL's and Decidim's documented behaviour, as read in
 * their source (../shared/reference/decidim-consul-rules.md):
 * - CONSUL `app/models/budget/result.rb`: per heading, selected and compatible investments
 *   sorted by ballot_lines_count DESC, id DESC; an investment that does not fit what is
 *   left is skipped and the loop goes on; with hide_money every compatible selected one wins.
 * - Decidim `decidim-budgets/app/models/decidim/budgets/project.rb`: votes are the
 *   confirmed (checked-out) orders containing the project.
 */

const investment = (
  id: string,
  votes: number,
  price: bigint,
  extra: Partial<ConsulInvestment> = {},
): ConsulInvestment => ({
  id,
  heading: "north",
  price,
  selected: true,
  compatible: true,
  votes,
  ...extra,
});

describe("CONSUL's winners per heading (app/models/budget/result.rb)", () => {
  it("skips the most-voted investment that no longer fits, and a cheaper one below it wins", () => {
    const [north] = consulResults(
      [{ id: "north", price: 1000n }],
      [investment("7", 120, 800n), investment("8", 100, 400n), investment("9", 80, 150n)],
    );
    expect(north?.winners).toEqual(["7", "9"]);
    expect(north?.steps.map((step) => [step.investment, step.won, step.left])).toEqual([
      ["7", true, 1000n],
      ["8", false, 200n],
      ["9", true, 200n],
    ]);
    expect(north?.spent).toBe(950n);
  });

  it("breaks equal ballot counts by the higher id (numerically: 10 before 9)", () => {
    const [north] = consulResults(
      [{ id: "north", price: 500n }],
      [investment("9", 50, 400n), investment("10", 50, 400n)],
    );
    expect(north?.winners).toEqual(["10"]);
  });

  it("leaves out unselected and incompatible investments, and other headings' ones", () => {
    const [north] = consulResults(
      [{ id: "north", price: 5000n }],
      [
        investment("1", 90, 100n, { selected: false }),
        investment("2", 80, 100n, { compatible: false }),
        investment("3", 70, 100n, { heading: "south" }),
        investment("4", 10, 100n),
      ],
    );
    expect(north?.winners).toEqual(["4"]);
  });

  it("with money hidden, every selected compatible investment wins", () => {
    const [north] = consulResults(
      [{ id: "north", price: 100n }],
      [
        investment("1", 10, 900n),
        investment("2", 5, 900n),
        investment("3", 1, 900n, { compatible: false }),
      ],
      { hideMoney: true },
    );
    expect(north?.winners).toEqual(["1", "2"]);
  });
});

describe("Decidim's votes per project (project.rb confirmed_orders_count)", () => {
  it("counts checked-out orders only, a project once per order", () => {
    expect(
      decidimVotes(
        ["a", "b", "c"],
        [
          { projects: ["a", "b"], checkedOut: true },
          { projects: ["b", "b"], checkedOut: true },
          { projects: ["c", "a"], checkedOut: false },
        ],
      ),
    ).toEqual([
      { project: "b", votes: 2 },
      { project: "a", votes: 1 },
      { project: "c", votes: 0 },
    ]);
  });
});

describe("CONSUL's ballot lines", () => {
  it("count each ballot once per investment it holds", () => {
    const votes = consulVotes([
      { investments: ["7", "9", "7"] },
      { investments: ["7"] },
      { investments: [] },
    ]);
    expect([...votes]).toEqual([
      ["7", 2],
      ["9", 1],
    ]);
  });
});

describe("CONSUL ballots files", () => {
  it("locate investments in unknown headings, lines naming unknown investments, too precise amounts", () => {
    const read = consulFileFromJson({
      headings: [{ id: "north", price: "1000.5" }],
      investments: [{ id: "7", heading: "south", price: "10" }],
      ballots: [{ investments: ["7", "99"] }],
    });
    expect(!read.ok && read.issues.map((issue) => [issue.code, issue.path.join(".")])).toEqual([
      ["invalid-amount", "headings.0.price"],
      ["unknown-heading", "investments.0.heading"],
      ["unknown-project", "ballots.0.investments.1"],
    ]);
  });
});

describe("CONSUL supports in the selecting phase (Budget::Investment#valid_heading?)", () => {
  const groupOf = { north: "districts", south: "districts", east: "districts", city: "citywide" };
  it("go to at most the group's maximum votable headings, more in a heading already supported", () => {
    expect(canSupportInHeading({}, groupOf, [], "north").ok).toBe(true);
    expect(canSupportInHeading({}, groupOf, ["north"], "north").ok).toBe(true);
    expect(canSupportInHeading({}, groupOf, ["north"], "city").ok).toBe(true);
    const refused = canSupportInHeading({}, groupOf, ["north"], "south");
    expect(!refused.ok && refused.issues[0]).toMatchObject({
      code: "different-heading-assigned",
      params: { group: "districts", supported: ["north"], maximum: 1 },
    });
    expect(canSupportInHeading({ districts: 2 }, groupOf, ["north"], "south").ok).toBe(true);
    expect(canSupportInHeading({ districts: 2 }, groupOf, ["north", "south"], "east").ok).toBe(
      false,
    );
  });
});
