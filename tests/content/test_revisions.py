"""Revisions: every kind of change kept with its full content; history, comparison and restore
in the admin (also of a deleted article), with Artikelsök and the page cache following."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from taggit.models import Tag

from accounts.roles import EDITOR_GROUP
from content import registry, revisions
from content.models import Article, RevisionAction, RevisionNote, Status
from methods.models import Method
from search.api import run_search
from tests.admin_helpers import admin_form_data
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    MunicipalityFactory,
    PublicationFactory,
    RegionFactory,
    ResearchSummaryFactory,
    UserFactory,
)

METHOD_ADMIN = "/admin/methods/method/"


def change_url(article) -> str:
    meta = type(article)._meta
    return f"/admin/{meta.app_label}/{meta.model_name}/{article.pk}/change/"


def save_in_admin(client, article, **changes):
    """Open the article's change form and save it with `changes`, as an editor would."""
    response = client.get(change_url(article))
    data = admin_form_data(response)
    data.update(changes)
    return client.post(change_url(article), data)


@pytest.fixture
def method(db):
    region = RegionFactory()
    linked = PublicationFactory(title_sv="Avhandling om avbrott")
    method = MethodFactory(
        title_sv="Mentorskap",
        summary_sv="Första sammanfattningen.",
        target_group_sv="Elever i årskurs 9",
        tags=["mentorskap", "övergångar"],
    )
    method.regions.add(region)
    method.related_articles.add(linked)
    return method


def titles(query: str) -> list[str]:
    return [article.title_sv for article in run_search({"q": query})]


# Recording ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_save_in_the_admin_keeps_who_when_and_the_full_content(editor_client, editor, method):
    revisions.record(method.pk)  # the version before, which the new one is compared with
    response = save_in_admin(
        editor_client,
        method,
        summary_sv="Ny sammanfattning.",
        title_en="Mentoring",
        target_group_sv="Elever i gymnasiet",
        tags="mentorskap, coachning",
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    note = revisions.latest_note(method.pk)
    assert note.revision.user == editor
    assert note.action == RevisionAction.SAVED
    assert {"summary_sv", "title_en", "target_group_sv", "tags"} <= set(note.detail["fields"])
    kept = revisions.stored_snapshot(note)
    assert kept.model is Method
    assert kept.fields["title_sv"] == "Mentorskap" and kept.fields["title_en"] == "Mentoring"
    assert kept.fields["summary_sv"] == "Ny sammanfattning."
    assert kept.fields["target_group_sv"] == "Elever i gymnasiet"  # the type's own field
    assert kept.tags == ["coachning", "mentorskap"]
    assert kept.fields["regions"] == list(method.regions.values_list("pk", flat=True))
    assert kept.fields["related_articles"] == list(
        method.related_articles.values_list("pk", flat=True)
    )


@pytest.mark.django_db
def test_publish_and_unpublish_actions_are_kept_and_logged(editor_client, editor):
    draft = MethodFactory(status=Status.DRAFT, published_at=None)
    for action in ("publish", "unpublish"):
        editor_client.post(
            METHOD_ADMIN, {"action": action, "_selected_action": [draft.pk], "index": 0}
        )
    actions = [note.action for note in revisions.history(draft.pk)]
    assert actions == [RevisionAction.UNPUBLISHED, RevisionAction.PUBLISHED]
    published = revisions.history(draft.pk).last()
    assert published.revision.user == editor
    assert revisions.stored_snapshot(published).fields["status"] == Status.PUBLISHED
    logged = LogEntry.objects.filter(object_id=str(draft.pk)).values_list(
        "change_message", flat=True
    )
    assert set(logged) == {"Publicerad", "Avpublicerad"}


@pytest.mark.django_db
def test_publishing_by_changing_the_status_is_kept_as_a_publication(editor_client, method):
    method.status = Status.DRAFT
    method.save()
    save_in_admin(editor_client, method, status=Status.PUBLISHED)
    assert revisions.latest_note(method.pk).action == RevisionAction.PUBLISHED


@pytest.mark.django_db
@pytest.mark.parametrize(
    "factory",
    [ArticleFactory, MethodFactory, PublicationFactory, ResearchSummaryFactory, CaseStudyFactory],
)
def test_every_content_type_is_kept_whole(factory, django_capture_on_commit_callbacks):
    """Saved outside the admin (an import, the shell): taken after the commit, by nobody."""
    with django_capture_on_commit_callbacks(execute=True):
        article = factory(tags=["samverkan"])
        article.regions.add(RegionFactory())
    notes = list(revisions.history(article.pk))
    assert len(notes) == 1  # the save and its links in one revision
    assert notes[0].revision.user is None
    kept = revisions.stored_snapshot(notes[0])
    assert kept.model is registry.get(article.kind).model
    assert kept.tags == ["samverkan"] and len(kept.fields["regions"]) == 1
    own_fields = [f.attname for f in kept.model._meta.local_fields if not f.primary_key]
    for name in own_fields:
        assert name in kept.fields


# History and comparison --------------------------------------------------------------------


@pytest.mark.django_db
def test_the_history_lists_each_version_with_who_and_what(editor_client, editor, method):
    revisions.record(method.pk)
    save_in_admin(editor_client, method, summary_sv="Andra.")
    save_in_admin(editor_client, method, title_sv="Mentorskap i skolan")
    response = editor_client.get(f"{METHOD_ADMIN}{method.pk}/history/")
    assert response.status_code == 200
    rows = [(label, who) for _note, label, who in response.context["rows"]]
    # The first save in the admin also made the editor the author.
    assert rows == [
        ("Sparad: Rubrik (Svenska)", editor.username),
        ("Sparad: Författare, Sammanfattning (Svenska)", editor.username),
        ("Sparad", "systemet"),
    ]
    assert "Sparad: Rubrik (Svenska)" in response.content.decode()


@pytest.mark.django_db
def test_two_versions_are_compared_field_by_field_in_words(editor_client, method):
    save_in_admin(editor_client, method)
    first = revisions.latest_note(method.pk)
    save_in_admin(
        editor_client,
        method,
        summary_sv="Första sammanfattningen, omskriven.",
        tags="mentorskap",
        regions=[],
    )
    second = revisions.latest_note(method.pk)
    response = editor_client.get(
        f"{METHOD_ADMIN}{method.pk}/history/compare/",
        {"a": second.revision_id, "b": first.revision_id},  # in either order
    )
    rows = {row.label: row for row in response.context["changed_rows"]}
    assert set(rows) == {"Sammanfattning (Svenska)", "Taggar", "Regioner"}
    assert rows["Taggar"].old == "mentorskap, övergångar" and rows["Taggar"].new == "mentorskap"
    assert rows["Regioner"].old == "Västra Götalands län" and rows["Regioner"].new == "(tomt)"
    body = response.content.decode()
    assert "<del>sammanfattningen.</del>" in body
    assert "<ins>sammanfattningen, omskriven.</ins>" in body


@pytest.mark.django_db
def test_literatures_authors_are_compared_as_names_one_a_line(editor_client):
    publication = PublicationFactory(authors=[{"family": "Möllås", "given": "G."}])
    old = revisions.record(publication.pk)
    publication.authors = [{"family": "Möllås", "given": "G."}, {"literal": "Skolverket"}]
    publication.save()
    new = revisions.record(publication.pk)
    response = editor_client.get(
        f"/admin/research/publication/{publication.pk}/history/compare/",
        {"a": old.revision_id, "b": new.revision_id},
    )
    rows = {row.name: row for row in response.context["changed_rows"]}
    # Not the stored list, nor the names' text the save derives from it, a row of its own.
    assert set(rows) == {"authors"}
    assert (rows["authors"].old, rows["authors"].new) == ("Möllås, G.", "Möllås, G.\nSkolverket")
    assert "Möllås, G.<br>Skolverket" in response.content.decode()


@pytest.mark.django_db
def test_restoring_literature_brings_back_its_authors_and_their_names_for_artikelsok(
    editor_client,
):
    publication = PublicationFactory(authors=[{"family": "Möllås", "given": "G."}])
    old = revisions.record(publication.pk)
    publication.authors = [{"literal": "Skolverket"}]
    publication.save()
    editor_client.post(
        f"/admin/research/publication/{publication.pk}/history/{old.revision_id}/restore/"
    )
    publication.refresh_from_db()
    assert publication.authors == [{"family": "Möllås", "given": "G."}]
    assert publication.author_names == "Möllås, G."


@pytest.mark.django_db
def test_an_unknown_version_in_a_comparison_is_sent_back_to_the_history(editor_client, method):
    response = editor_client.get(f"{METHOD_ADMIN}{method.pk}/history/compare/", {"a": "99999"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"/{method.pk}/history/")


# Restoring ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_restoring_asks_first_then_makes_the_old_version_a_new_one(editor_client, editor, method):
    save_in_admin(editor_client, method)
    old = revisions.latest_note(method.pk)
    save_in_admin(editor_client, method, title_sv="Coachning", tags="coachning", regions=[])
    restore = f"{METHOD_ADMIN}{method.pk}/history/{old.revision_id}/restore/"

    confirm = editor_client.get(restore)
    assert confirm.status_code == 200
    assert {row.label for row in confirm.context["changed_rows"]} >= {"Rubrik (Svenska)", "Taggar"}
    assert Method.objects.get(pk=method.pk).title_sv == "Coachning"  # asking changed nothing

    response = editor_client.post(restore)
    assert response.status_code == 302
    restored = Method.objects.get(pk=method.pk)
    assert restored.title_sv == "Mentorskap"
    assert sorted(restored.tags.names()) == ["mentorskap", "övergångar"]
    assert restored.regions.count() == 1
    latest = revisions.latest_note(method.pk)
    assert latest.action == RevisionAction.RESTORED and latest.revision.user == editor
    assert latest.detail["from"] == old.revision_id
    assert revisions.history(method.pk).count() == 3  # nothing in the history was lost


@pytest.mark.django_db
def test_artikelsok_and_cached_pages_follow_a_restore(editor_client, method):
    save_in_admin(editor_client, method)
    old = revisions.latest_note(method.pk)
    save_in_admin(editor_client, method, title_sv="Studiecoachning")
    visitor = Client()
    assert "Studiecoachning" in visitor.get(method.get_absolute_url()).content.decode()
    assert titles("studiecoachning") == ["Studiecoachning"]

    editor_client.post(f"{METHOD_ADMIN}{method.pk}/history/{old.revision_id}/restore/")

    assert titles("studiecoachning") == []
    assert titles("mentorskap") == ["Mentorskap"]
    page = visitor.get(method.get_absolute_url()).content.decode()
    assert "Mentorskap" in page and "Studiecoachning" not in page


@pytest.mark.django_db
def test_a_deleted_article_is_found_and_restored_with_its_tags_and_links(
    client, editor, superuser, method
):
    superuser_client = Client()
    superuser_client.force_login(superuser)
    case_study = CaseStudyFactory(municipality=MunicipalityFactory())
    method.related_articles.add(case_study)
    pk = method.pk
    response = superuser_client.post(f"{METHOD_ADMIN}{pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=pk).exists()
    assert titles("mentorskap") == []
    deleted = revisions.latest_note(pk)
    assert deleted.action == RevisionAction.DELETED and deleted.revision.user == superuser

    client.force_login(editor)
    listing = client.get(f"{METHOD_ADMIN}deleted/")
    assert "Mentorskap" in listing.content.decode()
    recover = f"{METHOD_ADMIN}deleted/{pk}/"
    assert client.get(recover).status_code == 200
    response = client.post(recover)
    assert response.status_code == 302

    restored = Method.objects.get(pk=pk)
    assert restored.title_sv == "Mentorskap" and restored.target_group_sv == "Elever i årskurs 9"
    assert sorted(restored.tags.names()) == ["mentorskap", "övergångar"]
    assert restored.regions.count() == 1
    assert set(restored.related_articles.values_list("title_sv", flat=True)) == {
        "Avhandling om avbrott",
        case_study.title_sv,
    }
    assert titles("mentorskap") == ["Mentorskap"]
    assert Client().get(restored.get_absolute_url()).status_code == 200
    assert revisions.latest_note(pk).action == RevisionAction.RECOVERED
    assert client.get(f"{METHOD_ADMIN}deleted/").context["rows"] == []


@pytest.mark.django_db
def test_a_deleted_article_whose_tag_was_deleted_too_gets_the_tag_back(superuser, method):
    revisions.record(method.pk)
    note = revisions.record(method.pk, superuser, RevisionAction.DELETED)
    Method.objects.filter(pk=method.pk).delete()
    Tag.objects.filter(name="övergångar").delete()
    restored, _notes = revisions.restore(note, superuser)
    assert sorted(restored.tags.names()) == ["mentorskap", "övergångar"]


@pytest.mark.django_db
def test_a_restore_whose_address_is_taken_is_refused_with_a_message(editor_client, method):
    Method.objects.filter(pk=method.pk).delete()
    kept = revisions.history(method.pk).count()
    MethodFactory(slug=method.slug, title_sv="Ny metod på samma adress")
    response = editor_client.post(f"{METHOD_ADMIN}deleted/{method.pk}/", follow=True)
    assert f"En annan artikel har nu adressen ”{method.slug}”" in response.content.decode()
    assert not Method.objects.filter(pk=method.pk).exists()
    assert revisions.history(method.pk).count() == kept


# Who may ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_plain_user_reaches_no_history_comparison_restore_or_deleted_list(client, user, method):
    revisions.record(method.pk)
    note = revisions.latest_note(method.pk)
    paths = [
        f"{METHOD_ADMIN}{method.pk}/history/",
        f"{METHOD_ADMIN}{method.pk}/history/compare/?a={note.revision_id}",
        f"{METHOD_ADMIN}{method.pk}/history/{note.revision_id}/restore/",
        f"{METHOD_ADMIN}deleted/",
        f"{METHOD_ADMIN}deleted/{method.pk}/",
    ]
    for who in (None, user):
        if who:
            client.force_login(who)
        for path in paths:
            assert client.get(path).status_code == 302, path
            assert client.post(path).status_code == 302, path
    assert revisions.history(method.pk).count() == 1


@pytest.mark.django_db
def test_an_editor_without_the_publish_right_cannot_restore_a_published_version_over_a_draft(
    client, method
):
    writer = UserFactory(is_staff=True)
    writer.user_permissions.set(
        Group.objects.get(name=EDITOR_GROUP).permissions.exclude(codename="publish_article")
    )
    revisions.record(method.pk)
    published = revisions.latest_note(method.pk)
    method.unpublish()
    method.save()
    client.force_login(writer)
    restore = f"{METHOD_ADMIN}{method.pk}/history/{published.revision_id}/restore/"
    assert client.post(restore).status_code == 403
    assert Method.objects.get(pk=method.pk).status == Status.DRAFT


@pytest.mark.django_db
def test_the_history_reads_in_a_bounded_number_of_queries(
    editor_client, method, django_assert_max_num_queries
):
    for number in range(5):
        revisions.record(method.pk)
        method.summary_sv = f"Version {number}"
        method.save()
    cache.clear()
    with django_assert_max_num_queries(20):
        assert editor_client.get(f"{METHOD_ADMIN}{method.pk}/history/").status_code == 200


@pytest.mark.django_db
def test_revision_notes_name_the_article_even_after_it_is_gone(method):
    revisions.record(method.pk)
    Method.objects.filter(pk=method.pk).delete()
    notes = RevisionNote.objects.filter(article_id=method.pk)
    assert [note.action for note in notes] == [RevisionAction.DELETED, RevisionAction.SAVED]
    assert {note.title for note in notes} == {"Mentorskap"}


@pytest.mark.django_db
def test_taking_a_revision_leaves_cached_pages_as_they_are(method):
    from infra.cache import content_version

    before = content_version()
    revisions.record(method.pk)
    assert content_version() == before


@pytest.mark.django_db
def test_a_deleted_account_leaves_no_revision_of_its_unpublished_proposals(
    django_capture_on_commit_callbacks,
):
    from accounts import services
    from tests.accounts.factories import MethodProposalFactory

    proposal = MethodProposalFactory(method__contact_email="privat@example.se")
    pk = proposal.method_id
    revisions.record(pk)
    services.delete_account(proposal.user)
    assert not RevisionNote.objects.filter(article_id=pk).exists()
    assert not revisions.Revision.objects.filter(
        version__serialized_data__contains="privat@"
    ).exists()


@pytest.mark.django_db
def test_an_import_run_again_adds_no_version_where_nothing_changed(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        method = MethodFactory()
    with django_capture_on_commit_callbacks(execute=True):
        method.save()
    assert revisions.history(method.pk).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        method.summary_sv = "Ändrad av importen."
        method.save()
    assert revisions.history(method.pk).count() == 2


@pytest.mark.django_db
def test_restoring_an_article_keeps_its_related_articles_link_change_as_a_plain_save(
    editor_client, method
):
    linked = method.related_articles.get()
    revisions.record(method.pk)
    old = revisions.latest_note(method.pk)
    method.related_articles.clear()
    editor_client.post(f"{METHOD_ADMIN}{method.pk}/history/{old.revision_id}/restore/")
    assert revisions.latest_note(method.pk).action == RevisionAction.RESTORED
    other = revisions.latest_note(linked.pk)
    assert other.action == RevisionAction.SAVED  # not "restored": only its link changed
