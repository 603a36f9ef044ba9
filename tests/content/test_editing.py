"""No lost edits: a save of an article someone else saved after the form was opened is refused,
saying who changed what and when, with the editor's input kept to merge by hand; and the notice
that another editor has the article open."""

import pytest
from django.test import Client

from content import revisions
from methods.models import Method
from tests.admin_helpers import admin_form_data
from tests.factories import MethodFactory, UserFactory

from .test_revisions import change_url


@pytest.fixture
def two_editors(editor):
    from django.contrib.auth.models import Group

    from accounts.roles import EDITOR_GROUP

    other = UserFactory(is_staff=True, first_name="Berit", last_name="Berg")
    other.groups.add(Group.objects.get(name=EDITOR_GROUP))
    first, second = Client(), Client()
    first.force_login(other)
    second.force_login(editor)
    return first, second


@pytest.fixture
def method(db):
    method = MethodFactory(
        title_sv="Mentorskap", summary_sv="Den gamla sammanfattningen.", author=UserFactory()
    )
    revisions.record(method.pk)  # the version both editors open
    return method


@pytest.mark.django_db
def test_the_second_of_two_saves_is_refused_naming_who_changed_what_keeping_the_input(
    two_editors, method
):
    berit, anna = two_editors
    berits_form = admin_form_data(berit.get(change_url(method)))
    annas_form = admin_form_data(anna.get(change_url(method)))

    berits_form["summary_sv"] = "Bertis nya sammanfattning."
    assert berit.post(change_url(method), berits_form).status_code == 302

    annas_form["title_sv"] = "Mentorskap i gymnasiet"
    annas_form["body_sv"] = "Annas långa text som inte får gå förlorad."
    refused = anna.post(change_url(method), annas_form)

    assert refused.status_code == 200
    stored = Method.objects.get(pk=method.pk)
    assert stored.title_sv == "Mentorskap"  # nothing of Anna's was saved
    assert stored.summary_sv == "Bertis nya sammanfattning."  # nor was Berit's undone
    form = refused.context["adminform"].form
    message = " ".join(form.non_field_errors())
    assert "Berit Berg sparade artikeln" in message
    assert "Sammanfattning (Svenska)" in message
    page = refused.content.decode()
    assert "Annas långa text som inte får gå förlorad." in page
    assert 'value="Mentorskap i gymnasiet"' in page
    conflict = refused.context["conflict"]
    assert [row.name for row in conflict.rows] == ["summary_sv"]
    assert "Den gamla sammanfattningen." in conflict.rows[0].old
    assert conflict.taken == ["summary_sv"]  # Anna had not touched it: Berit's text in her form
    assert refused.context["conflict_compare_url"].endswith("&b=current")

    # Saving the form as shown keeps both editors' changes.
    again = admin_form_data(refused)
    assert again["summary_sv"] == "Bertis nya sammanfattning."
    assert anna.post(change_url(method), again).status_code == 302
    merged = Method.objects.get(pk=method.pk)
    assert merged.title_sv == "Mentorskap i gymnasiet"
    assert merged.summary_sv == "Bertis nya sammanfattning."
    assert merged.body_sv == "Annas långa text som inte får gå förlorad."


@pytest.mark.django_db
def test_a_field_both_editors_changed_keeps_the_second_editors_text_to_merge_by_hand(
    two_editors, method
):
    berit, anna = two_editors
    berits_form = admin_form_data(berit.get(change_url(method)))
    annas_form = admin_form_data(anna.get(change_url(method)))
    berits_form["summary_sv"] = "Berits version."
    berit.post(change_url(method), berits_form)
    annas_form["summary_sv"] = "Annas version."
    refused = anna.post(change_url(method), annas_form)
    conflict = refused.context["conflict"]
    assert conflict.both == ["summary_sv"] and conflict.taken == []
    assert refused.context["adminform"].form["summary_sv"].value() == "Annas version."
    assert "Berits version." in refused.content.decode()  # shown in the comparison


@pytest.mark.django_db
def test_a_save_of_an_unchanged_article_goes_through(editor_client, method):
    data = admin_form_data(editor_client.get(change_url(method)))
    data["summary_sv"] = "Ny."
    assert editor_client.post(change_url(method), data).status_code == 302
    data = admin_form_data(editor_client.get(change_url(method)))
    data["summary_sv"] = "Nyare."
    assert editor_client.post(change_url(method), data).status_code == 302
    assert Method.objects.get(pk=method.pk).summary_sv == "Nyare."


@pytest.mark.django_db
def test_a_publication_between_opening_and_saving_refuses_the_save_too(editor_client, method):
    data = admin_form_data(editor_client.get(change_url(method)))
    unpublished = Method.objects.get(pk=method.pk)
    unpublished.unpublish()
    unpublished.save()
    data["summary_sv"] = "Ändrad."
    refused = editor_client.post(change_url(method), data)
    assert refused.status_code == 200
    assert Method.objects.get(pk=method.pk).summary_sv == "Den gamla sammanfattningen."


@pytest.mark.django_db
def test_the_form_says_another_editor_has_the_article_open(two_editors, method):
    berit, anna = two_editors
    berit.get(change_url(method))
    page = anna.get(change_url(method))
    assert [name for name, _since in page.context["other_editors"]] == ["Berit Berg"]
    assert "Berit Berg öppnade artikeln kl." in page.content.decode()
    # Berit saves and leaves: no longer said to have it open.
    data = admin_form_data(berit.get(change_url(method)))
    berit.post(change_url(method), data)
    assert anna.get(change_url(method)).context["other_editors"] == []
