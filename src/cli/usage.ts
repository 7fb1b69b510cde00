/**
 * The usage text: printed with --help and after a usage error. Plain text, so that the
 * command prints it without loading every rule; tests/cli/usage.test.ts checks that its
 * lists of rules, methods and completions are the catalogues' ids, in their order.
 */
export const USAGE = `Usage:
  civitas pb run FILE... --rule <rule> [--sat cost|cardinality|points] [--completion <completion>]
                         [--tie-break cost,votes,id] [--json] [--explain] [--strict]
  civitas pb compare FILE --rules <rule>,<rule>,... [--sat cost|cardinality|points] [--json] [--strict]
  civitas pb check FILE...                      (Pabulib or JSON; warnings and problems, exit 1 if any)
  civitas pb convert FILE --to json|pabulib [--strict]
  civitas pb rules [--json]
  civitas tally FILE... --method <method> [--seats N] [--arithmetic rational|fixed:P|guarded:P[:G]] [--tie-break order|reverse|random:SEED|ID,...] [--irresolute] [--json] [--explain] [--strict]
  civitas tally FILE.json --method <score method|referendum|…>  (JSON ballots: ranked, approval, score, referendum)
  civitas tally methods [--json]
  civitas budget check-ballot RULES.json BALLOT.json [--json]   (exit 0 when the ballot may be submitted, 1 with its issues)
  civitas budget results FILE.json --rule <consul|decidim|pb rule> [--json]   (orders or CONSUL ballots)
  civitas sim profile --model <impartial-culture|impartial-anonymous-culture|mallows|mallows-normalized|urn|
                      single-peaked-walsh|single-peaked-conitzer|single-crossing|group-separable|euclidean>
                      [--phi F] [--normalized-phi F] [--alpha F] [--tree balanced|caterpillar|random]
                      [--dimensions D --space uniform|gaussian] --candidates N --voters N [--seed S]
                      [--top K] [--format soc|soi|json]
                      (a drawn profile: PrefLib or JSON ballots; --top K keeps each voter's first K, written as SOI)
  civitas sim profile --model <approval-impartial-culture|resampling|disjoint-resampling|approval-noise|euclidean-approval>
                      [--p F] [--phi F] [--groups G] [--dimensions D --radius R | --threshold T]
                      --candidates N --voters N [--seats K] [--format abc.yaml|cat]
                      (abcvoting YAML, or PrefLib categories: approved, not approved)
  civitas sim profile --model budget --projects N --voters N --budget B [--p F] --format pb   (a participatory budget, Pabulib)
  civitas sim run EXPERIMENT.json [--resume EARLIER.jsonl] [--format jsonl|csv]
                      (rows as JSON lines or CSV, progress on stderr; --resume skips the finished profiles)
  civitas sortition decidim --candidates IDS.json --count N --timestamp UNIX --dice D [--json]
                      (a Decidim sortition reproduced: the drawn proposal ids in order)
  civitas sortition commit --secret S          (the commitment to publish before a public draw)
  civitas sortition draw --candidates IDS.json --count N --secret S --random R [--json]
  civitas sortition verify DRAW.json [--json]  (exit 0 when the published draw checks, 1 with what differs)
  civitas consultation check QUESTIONNAIRE.json RESPONSES.json [--json]   (each response's issues; exit 1 if any)
  civitas consultation results QUESTIONNAIRE.json RESPONSES.json [--json|--csv] [--by ATTRIBUTE]... [--threshold N] [--lang L] [--strict]
  civitas consultation export QUESTIONNAIRE.json RESPONSES.json [--format csv|json] [--lang L]   (Decidim's survey export)
  civitas consultation synthesis PROPOSALS.json [--questionnaire Q.json --responses R.json] --format md|html
                      [--title T] [--lang L]   (themes, most supported, arguments, near duplicates, results)
  civitas process check FILE.json...            (a process definition: issues, exit 1 if invalid)
  civitas process at FILE.json --at <ISO instant> [--json]
  civitas process ics FILE.json [--stamp <ISO instant>]
  civitas proposals apply COMMANDS.json [--process FILE.json]   (prints the event log; refusals on stderr)
  civitas proposals replay EVENTS.json [--process FILE.json] [--json]   (proposals, supports, figures by phase and scope)
  civitas proposals budget EVENTS.json --budget <amount> [--scale N] [--description TEXT]   (accepted proposals as a Pabulib file)

Rules: greedy, greedy-no-skip, greedy-threshold, utilitarian, mes, phragmen, maximin-support, official
Tally files: .blt, PrefLib (.soc .soi .toc .toi; .cat as approval ballots), CSV of ranked ballots (ballot_id,rank,choice), abcvoting .abc.yaml, JSON ballots.
Methods: plurality, irv, borda, condorcet, copeland, llull, minimax, schulze, ranked-pairs, split-cycle, runoff, bucklin, coombs, baldwin, nanson, smith, schwartz, stable-voting, anti-plurality, dowdall, scottish-stv, meek-stv, warren-stv, prf-meek-stv, wigm-stv, prf-wigm-stv
Committee methods (abcvoting .abc.yaml or approval JSON): av, sav, pav, slav, cc, lexcc, geom2, adams, seqpav, seqslav, seqcc, revseqpav, seqphragmen, phragmen-enestroem, greedy-monroe, minimaxphragmen, leximaxphragmen, maximin-support, minimaxav, lexminimaxav, monroe, equal-shares, equal-shares-with-av-completion, equal-shares-with-increment-completion, equal-shares-without-completion, consensus-rule, eph, trivial
Score methods (score JSON): score, score-mean, star, majority-judgment, cumulative; referendum (referendum JSON)
Completions (mes): none, add1, add1-exhaustive, greedy, add1-comparison, comparison; in --rules write mes/add1 and so on.
Warnings (what was assumed to read a file, or what in it is inconsistent) go to stderr as
"FILE: warning: …"; --strict makes them errors.
Exit codes: 0 success, 1 bad input (one line per problem on stderr), 2 usage error.`;
