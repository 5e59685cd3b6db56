"""A short quiz answered on the assignment page: scored at once, which answers
were right shown, the right answers themselves only once the teacher has
returned the work (until then the quiz may be sent again)."""

import pytest

from classes.models import FeedbackStatus, Submission, SubmissionVersion
from classes.submissions.services import give_feedback
from tests.classes.submissions.conftest import element, open_page, post_work, token

pytestmark = pytest.mark.django_db


def fields(quiz):
    choice, fill_in = (f"q-{block.id}" for block in quiz.questions)
    return choice, fill_in


def test_the_quiz_is_a_form_of_radio_buttons_and_text_inputs(client, amina, assignments):
    quiz = assignments["quiz"]
    choice, fill_in = fields(quiz)
    page = open_page(client, quiz)
    form = element(page, "submission-form", "</form>")
    assert form.count(f'type="radio" name="{choice}"') == 2
    assert f'<label class="check" for="id_{choice}_0">' in form
    assert f'<label for="id_{fill_in}">' in form and f'name="{fill_in}"' in form
    assert "Where do you wait for the bus?" in form
    # The read-only preview is for those who do not answer it.
    assert "A preview of the quiz" not in page.content.decode()


def test_a_quiz_is_scored_at_once_and_shows_which_answers_were_right(client, amina, assignments):
    quiz = assignments["quiz"]
    choice, fill_in = fields(quiz)
    response = post_work(client, quiz, {choice: "0", fill_in: "a car", "token": token()})
    assert response.status_code == 303
    page = client.get(response["Location"], HTTP_HOST="localhost")
    assert "Submitted! Your score: 5 / 10." in page.content.decode()
    assert "5 / 10" in element(page, "submission-score", "</dd>")
    answers = element(page, "quiz-answers", "</section>")
    assert answers.count('class="right"') == 1 and answers.count('class="wrong"') == 1
    assert "At the bus stop" in answers and "a car" in answers
    missed = answers.split('class="wrong"')[1]
    assert "I take ___ to work." in missed and "bus" not in missed  # no answer given away
    assert Submission.objects.get().score == 5


def test_returned_work_shows_the_right_answer_to_each_wrong_one(
    client, amina, assignments, classroom
):
    _cohort, teacher, _amina, _ahmad = classroom
    quiz = assignments["quiz"]
    choice, fill_in = fields(quiz)
    post_work(client, quiz, {choice: "0", fill_in: "a car", "token": token()})
    give_feedback(
        teacher,
        Submission.objects.get(),
        token="f1",
        status=FeedbackStatus.RETURNED,
        text="Good try.",
    )
    answers = element(open_page(client, quiz), "quiz-answers", "</section>")
    missed = answers.split('class="wrong"')[1]
    assert 'The right answer: <span dir="auto">the bus / bus</span>' in missed
    right = answers.split('class="wrong"')[0]
    assert "The right answer" not in right


def test_every_question_must_be_answered_and_the_answers_given_stay(client, amina, assignments):
    quiz = assignments["quiz"]
    choice, fill_in = fields(quiz)
    response = post_work(client, quiz, {fill_in: "bus", "token": token()})
    assert response.status_code == 400
    assert "Choose an answer." in element(response, "question-1-errors", "</ul>")
    assert 'value="bus"' in element(response, "question-2", "</fieldset>")
    assert not SubmissionVersion.objects.exists()


def test_a_choice_that_is_not_offered_is_refused(client, amina, assignments):
    quiz = assignments["quiz"]
    choice, fill_in = fields(quiz)
    response = post_work(client, quiz, {choice: "7", fill_in: "bus", "token": token()})
    assert response.status_code == 400
    assert "Choose one of the answers." in element(response, "question-1-errors", "</ul>")
    assert not SubmissionVersion.objects.exists()


def test_an_empty_quiz_is_refused(client, amina, assignments):
    response = post_work(client, assignments["quiz"], {"token": token()})
    assert response.status_code == 400
    assert "Write your answer." in element(response, "question-2-errors", "</ul>")
    assert not Submission.objects.exists()
