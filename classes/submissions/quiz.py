"""Scoring a short quiz against its questions, at once, so the student sees which
answers were right."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from learning.ids import parse_number


@dataclass(frozen=True)
class QuestionResult:
    question_id: str
    given: str
    correct: bool


def normalise(text):
    """Fill-in answers compare without case, surrounding spaces or repeated spaces."""
    return " ".join(str(text).split()).casefold()


def choice_index(given):
    """The chosen option's index from a form value ("2"), or -1 for anything else."""
    index = parse_number(str(given))
    return -1 if index is None else index


def is_right(block, given):
    if block.block_type == "multiple_choice":
        choices = block.value["choices"]
        index = choice_index(given)
        return 0 <= index < len(choices) and bool(choices[index]["correct"])
    accepted = {normalise(a) for a in block.value["answers"].split("|") if a.strip()}
    return normalise(given) in accepted


def score_quiz(assignment, answers):
    """(score out of the assignment's points, [QuestionResult]) for the answers
    given as {question block id: choice index or typed text}."""
    results = [
        QuestionResult(
            block.id, str(answers.get(block.id, "")), is_right(block, answers.get(block.id, ""))
        )
        for block in assignment.questions
    ]
    if not results:
        return None, results
    right = sum(result.correct for result in results)
    score = Decimal(assignment.points) * right / len(results)
    return score.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), results


def answer_texts(block, given):
    """(what the student gave, the right answers) as words."""
    if block.block_type == "multiple_choice":
        choices = block.value["choices"]
        index = choice_index(given)
        chosen = choices[index]["text"] if 0 <= index < len(choices) else ""
        right = " / ".join(c["text"] for c in choices if c["correct"])
        return chosen, right
    accepted = [a.strip() for a in block.value["answers"].split("|") if a.strip()]
    return given, " / ".join(accepted)
