# Writes tests/fixtures/sortition/decidim-draws.json: Decidim sortition draws computed by
# a real Ruby, for civitas's reproduction of them (src/sortition/decidimDraw.ts).
#
# Decidim (decidim-sortitions, app/services/decidim/sortitions/admin/draw.rb) draws
#   candidates.sample(target_items, random: Random.new(request_timestamp.to_i * dice))
# over the candidate proposal ids sorted ascending. This script does exactly that for a
# grid of timestamps, dice, candidate lists and counts, and records the first outputs of
# Random#rand(2**32) (the raw MT19937 words) for seeds below and above 2^32 and 2^64.
#
# Run with Debian's ruby (3.1 on bookworm): ruby scripts/decidim-draw-fixtures.rb
require "json"

# Proposal ids as Decidim lists them: unique and ascending, with gaps.
def ids(count, start, step)
  Array.new(count) { |k| start + k * step + (step > 1 ? k % 2 : 0) }
end

candidate_lists = {
  "one" => [42],
  "three" => [3, 8, 15],
  "seven" => ids(7, 101, 5),
  "twenty-five" => ids(25, 1000, 3),
  "one-hundred-fifty" => ids(150, 5000, 2),
  "three-thousand" => ids(3000, 1, 1),
}
timestamps = [1_420_070_400, 1_600_000_000, 1_733_577_600, 1_765_000_123, 2_147_483_647]
counts = [0, 1, 2, 3, 4, 7, 10, 11, 12, 20, 40, 160]

draws = []
timestamps.each do |timestamp|
  (1..6).each do |dice|
    seed = timestamp * dice
    candidate_lists.each do |name, candidates|
      counts.each do |count|
        next if count > candidates.length + 10
        next if count > 40 && candidates.length > 25
        # The long list is there for Ruby's memo variant of the shuffle (11 ≤ n ≤ 23 here).
        next if name == "three-thousand" && (![11, 20, 40].include?(count) || dice.odd?)
        drawn = candidates.sample(count, random: Random.new(seed))
        draws << { "timestamp" => timestamp, "dice" => dice, "seed" => seed.to_s,
                   "candidates" => name, "count" => count, "drawn" => drawn }
      end
    end
  end
end

seeds = [0, 1, 1234, 2**31, 2**32 - 1, 2**32, 2**32 + 5, 2**33 + 7, 3 * 2**32,
         1_733_577_600 * 3, 1_733_577_600 * 6, 2**64 - 1, 2**64, 2**64 + 2**32 + 9, 2**100 + 12_345]
words = seeds.map do |seed|
  random = Random.new(seed)
  { "seed" => seed.to_s, "uint32" => Array.new(6) { random.rand(2**32) } }
end

# One draw a line, so the file stays small and reviewable.
lines = [
  "{",
  "  \"generator\": #{JSON.generate("scripts/decidim-draw-fixtures.rb")},",
  "  \"ruby\": #{JSON.generate(RUBY_DESCRIPTION)},",
  "  \"candidateLists\": {",
  candidate_lists.map { |name, list| "    #{JSON.generate(name)}: #{JSON.generate(list)}" }.join(",\n"),
  "  },",
  "  \"draws\": [",
  draws.map { |draw| "    #{JSON.generate(draw)}" }.join(",\n"),
  "  ],",
  "  \"words\": [",
  words.map { |word| "    #{JSON.generate(word)}" }.join(",\n"),
  "  ]",
  "}",
]
File.write(
  File.join(__dir__, "..", "tests", "fixtures", "sortition", "decidim-draws.json"),
  lines.join("\n") + "\n",
)
