/**
 * When the Credit tab may show a score (issue 18.5): only once every item is answered, or once
 * the user has said that the unanswered ones count as "don't know" (POLICY §5.1's 60) — a blank
 * questionnaire is not a B customer. Saving follows the same rule, and the sheet then says which
 * items were scored as don't know.
 */
import type { FormScore } from "../../core/credit-forms/questionnaire";

type CreditDisplay =
  | { kind: "incomplete"; unanswered: number[] }
  | { kind: "problems" }
  | { kind: "scored"; score: string; grade: string | null; limit: string | null; assumedDontKnow: number[] };

export function creditDisplay(score: FormScore, dontKnowConfirmed: boolean): CreditDisplay {
  if (score.problems.length > 0 || score.score === null) return { kind: "problems" };
  if (score.unanswered.length > 0 && !dontKnowConfirmed) return { kind: "incomplete", unanswered: score.unanswered };
  return { kind: "scored", score: score.score, grade: score.grade, limit: score.limit, assumedDontKnow: dontKnowConfirmed ? score.unanswered : [] };
}
