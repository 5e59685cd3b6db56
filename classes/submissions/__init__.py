"""Handing in work on an assignment and giving feedback on it.

- `placement.class_for(student, assignment)`: the class whose teachers review it.
- `quiz.score_quiz(assignment, answers)`: a quiz scored against its questions.
- `services`: the write verbs (`save_draft`, `submit_work`, `give_feedback`,
  `mark_feedback_seen`), each one transaction, idempotent by one-time token.
"""
