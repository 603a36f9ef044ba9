"""The editors' desk and what reaches it: articles due for review or scheduled, method
proposals, "we use the method" entries (public only once approved), contact messages; the
e-mails to the editors; who sees what."""

import datetime

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.models import MethodUse, Moderation
from accounts.roles import EDITOR_GROUP
from content import revisions
from content.desk import months_ago
from content.models import RevisionAction, Status
from pluginnovation.models import ContactMessage
from tests.accounts.factories import MethodProposalFactory, MethodUseFactory, VerifiedUserFactory
from tests.factories import ArticleFactory, MethodFactory, UserFactory

DESK = "/admin/desk/"
CONTACT = {
    "name": "Anna Andersson",
    "email": "anna@example.se",
    "organisation": "Partille kommun",
    "subject": "En fråga om mentorskap",
    "message": "Hur kom ni igång?",
    "website": "",
}
PROPOSAL = {
    "title": "Frukostklubben",
    "summary": "Elever bjuds på frukost och ett samtal.",
    "body": "Varje morgon.",
}


@pytest.fixture
def mailbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CONTACT_EMAIL = ""
    settings.EDITOR_EMAILS = []


def desk_titles(response, key: str) -> list[str]:
    entry = next(item for item in response.context["sections"] if item["section"].key == key)
    return [item.title for item in entry["items"]]


def section_keys(response) -> list[str]:
    return [item["section"].key for item in response.context["sections"]]


# The lists -----------------------------------------------------------------------------------


@pytest.mark.django_db
@time_machine.travel(datetime.datetime(2025, 6, 15, 12, tzinfo=datetime.UTC), tick=False)
def test_the_desk_lists_articles_due_for_review_and_scheduled_ones(editor_client, settings):
    settings.REVIEW_AFTER_MONTHS = 12
    ArticleFactory(title_sv="Aldrig granskad", last_reviewed_at=None)
    ArticleFactory(title_sv="Granskad för länge sedan", last_reviewed_at=datetime.date(2024, 6, 1))
    ArticleFactory(title_sv="Granskad nyss", last_reviewed_at=datetime.date(2024, 6, 20))
    ArticleFactory(title_sv="Utkast", status=Status.DRAFT, published_at=None)
    MethodFactory(
        title_sv="Kommande metod",
        last_reviewed_at=datetime.date(2025, 6, 1),
        published_at=timezone.now() + datetime.timedelta(days=3),
    )
    response = editor_client.get(DESK)
    assert response.status_code == 200
    assert desk_titles(response, "review") == ["Aldrig granskad", "Granskad för länge sedan"]
    assert desk_titles(response, "scheduled") == ["Kommande metod"]
    page = response.content.decode()
    assert "Schemalagd: publiceras" in page and "aldrig granskad" in page
    assert "/admin/methods/method/" in page  # each links to its own type's admin


@pytest.mark.django_db
def test_the_review_age_is_a_setting(editor_client, settings):
    ArticleFactory(
        title_sv="Granskad i våras", last_reviewed_at=months_ago(timezone.localdate(), 4)
    )
    settings.REVIEW_AFTER_MONTHS = 12
    assert desk_titles(editor_client.get(DESK), "review") == []
    settings.REVIEW_AFTER_MONTHS = 3
    assert desk_titles(editor_client.get(DESK), "review") == ["Granskad i våras"]


def test_months_ago_counts_calendar_months():
    assert months_ago(datetime.date(2025, 3, 31), 1) == datetime.date(2025, 2, 28)
    assert months_ago(datetime.date(2025, 1, 15), 12) == datetime.date(2024, 1, 15)
    assert months_ago(datetime.date(2025, 1, 15), 13) == datetime.date(2023, 12, 15)


@pytest.mark.django_db
def test_the_admin_shows_scheduled_articles_as_scheduled(editor_client):
    ArticleFactory(title_sv="Kommande", published_at=timezone.now() + datetime.timedelta(days=1))
    assert "Schemalagd" in editor_client.get("/admin/content/article/").content.decode()


@pytest.mark.django_db
def test_the_desk_lists_proposals_entries_and_messages_waiting(editor_client):
    MethodProposalFactory(method__title_sv="Frukostklubben")
    published = MethodProposalFactory(method__title_sv="Redan publicerad")
    published.method.publish()
    published.method.save()
    MethodUseFactory(method=MethodFactory(title_sv="Mentorskap"), moderation=Moderation.PENDING)
    MethodUseFactory(moderation=Moderation.APPROVED)
    ContactMessage.objects.create(**{k: v for k, v in CONTACT.items() if k != "website"})
    ContactMessage.objects.create(
        name="B", email="b@example.se", subject="Besvarad", message="x", handled_at=timezone.now()
    )
    response = editor_client.get(DESK)
    assert desk_titles(response, "proposals") == ["Frukostklubben"]
    assert desk_titles(response, "method_uses") == ["Mentorskap – Partille"]
    assert desk_titles(response, "contact") == ["En fråga om mentorskap"]


@pytest.mark.django_db
def test_the_admin_front_page_links_to_the_desk_with_what_waits(editor_client):
    MethodProposalFactory()
    page = editor_client.get("/admin/").content.decode()
    assert 'href="/admin/desk/"' in page
    assert "Redaktionsdesken: 1 sak väntar på en redaktör" in page


@pytest.mark.django_db
def test_the_desk_has_helpful_empty_states(editor_client):
    page = editor_client.get(DESK).content.decode()
    assert "Inget metodförslag väntar." in page and "Inget meddelande väntar." in page


@pytest.mark.django_db
def test_the_desk_reads_in_a_bounded_number_of_queries(
    editor_client, django_assert_max_num_queries
):
    for number in range(10):
        ArticleFactory(last_reviewed_at=None)
        MethodProposalFactory()
        MethodUseFactory(moderation=Moderation.PENDING, municipality__code=f"14{number:02d}")
    with django_assert_max_num_queries(25):
        assert editor_client.get(DESK).status_code == 200


# Who sees what ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_plain_user_or_visitor_never_reaches_the_desk(client, user):
    assert client.get(DESK).status_code == 302
    client.force_login(user)
    response = client.get(DESK)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_staff_without_rights_see_an_empty_desk(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.get(DESK)
    assert section_keys(response) == []
    assert "Inget på desken som du har behörighet att se." in response.content.decode()


@pytest.mark.django_db
def test_editors_see_every_section(editor_client):
    keys = section_keys(editor_client.get(DESK))
    assert keys == ["review", "scheduled", "proposals", "method_uses", "links", "contact"]


# Contact messages ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_editors_read_contact_messages_and_mark_them_handled(editor_client, editor):
    message = ContactMessage.objects.create(
        name="Anna", email="anna@example.se", subject="Fråga", message="Hej!"
    )
    assert (
        "Hej!"
        in editor_client.get(
            f"/admin/pluginnovation/contactmessage/{message.pk}/change/"
        ).content.decode()
    )
    response = editor_client.post(
        "/admin/pluginnovation/contactmessage/",
        {"action": "mark_handled", "_selected_action": [message.pk], "index": 0},
    )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.handled_at is not None and message.handled_by == editor
    assert desk_titles(editor_client.get(DESK), "contact") == []
    # Editors read and mark; they never delete what people wrote.
    assert (
        editor_client.post(
            f"/admin/pluginnovation/contactmessage/{message.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )


# E-mails to the editors -----------------------------------------------------------------------


@pytest.mark.django_db
def test_a_contact_message_is_e_mailed_to_the_editors_by_default(client, editor, mailbox):
    UserFactory(email="inte-redaktor@example.se")
    client.post("/kontakt/", CONTACT)
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [editor.email]
    assert sent.subject == "[PlugInnovation] En fråga om mentorskap"
    assert "Hur kom ni igång?" in sent.body
    assert "/admin/pluginnovation/contactmessage/" in sent.body


@pytest.mark.django_db
def test_who_is_e_mailed_is_a_setting(client, editor, mailbox, settings):
    settings.EDITOR_EMAILS = ["redaktionen@example.se", "chefen@example.se"]
    client.post("/kontakt/", CONTACT)
    assert mail.outbox[0].to == ["redaktionen@example.se", "chefen@example.se"]


@pytest.mark.django_db
def test_a_method_proposal_is_e_mailed_to_the_editors_after_it_is_stored(
    client, editor, mailbox, django_capture_on_commit_callbacks
):
    member = VerifiedUserFactory(first_name="Sara", last_name="Lind")
    client.force_login(member)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:propose_method"), PROPOSAL)
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [editor.email]
    assert sent.subject == "[PlugInnovation] En metod har föreslagits: Frukostklubben"
    assert "Sara Lind har föreslagit en metod" in sent.body
    assert "/admin/methods/method/" in sent.body and "/admin/desk/" in sent.body
    # The proposal is in the method's history, by the proposer.
    method = MethodProposalFactory._meta.model.objects.get().method
    assert revisions.latest_note(method.pk).revision.user == member


@pytest.mark.django_db
def test_with_no_editor_to_tell_the_proposal_is_still_stored(
    client, mailbox, django_capture_on_commit_callbacks
):
    Group.objects.get(name=EDITOR_GROUP).user_set.clear()
    client.force_login(VerifiedUserFactory())
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:propose_method"), PROPOSAL)
    assert mail.outbox == []
    assert MethodProposalFactory._meta.model.objects.count() == 1


# "We use the method": moderation ----------------------------------------------------------------


@pytest.mark.django_db
def test_an_entry_is_public_only_once_an_editor_approves_it_and_the_approval_is_in_history(
    editor_client, editor
):
    method = MethodFactory(slug="mentorskap")
    use = MethodUseFactory(method=method, moderation=Moderation.PENDING)
    visitor = Client()
    assert "Partille" not in visitor.get("/metoder/mentorskap/").content.decode()
    owner = Client()
    owner.force_login(use.user)
    assert "Väntar på godkännande" in owner.get("/mina-sidor/").content.decode()

    response = editor_client.post(
        "/admin/accounts/methoduse/",
        {"action": "approve", "_selected_action": [use.pk], "index": 0},
    )
    assert response.status_code == 302
    use.refresh_from_db()
    assert use.moderation == Moderation.APPROVED and use.moderated_by == editor
    assert "Partille" in visitor.get("/metoder/mentorskap/").content.decode()
    note = revisions.latest_note(method.pk)
    assert note.action == RevisionAction.APPROVED and note.revision.user == editor
    assert note.detail["what"] == "”Vi använder metoden”: Partille"
    history = editor_client.get(f"/admin/methods/method/{method.pk}/history/").content.decode()
    assert "Godkänd: ”Vi använder metoden”: Partille" in history


@pytest.mark.django_db
def test_a_rejected_entry_stays_off_the_method_page_and_its_owner_is_told(editor_client):
    use = MethodUseFactory(method=MethodFactory(slug="mentorskap"), moderation=Moderation.PENDING)
    editor_client.post(
        "/admin/accounts/methoduse/",
        {"action": "reject", "_selected_action": [use.pk], "index": 0},
    )
    assert MethodUse.objects.get().moderation == Moderation.REJECTED
    assert "Partille" not in Client().get("/metoder/mentorskap/").content.decode()
    owner = Client()
    owner.force_login(use.user)
    assert "Inte godkänd" in owner.get("/mina-sidor/").content.decode()
    assert revisions.latest_note(use.method_id).action == RevisionAction.REJECTED


@pytest.mark.django_db
def test_a_plain_user_cannot_approve_entries(client, user):
    use = MethodUseFactory(moderation=Moderation.PENDING)
    client.force_login(user)
    client.post(
        "/admin/accounts/methoduse/",
        {"action": "approve", "_selected_action": [use.pk], "index": 0},
    )
    assert MethodUse.objects.get().moderation == Moderation.PENDING


@pytest.mark.django_db
def test_the_desk_lists_the_links_the_link_checker_found_broken_or_moved(editor_client):
    from research.models import LinkCheck, LinkOutcome
    from tests.factories import PublicationFactory

    checked = timezone.now()
    broken = PublicationFactory(title_sv="Avhandling med död länk")
    working = PublicationFactory(title_sv="Avhandling med fungerande länk")
    LinkCheck.objects.create(
        publication=broken,
        field="url",
        url="https://example.se/borta",
        outcome=LinkOutcome.BROKEN,
        status_code=404,
        checked_at=checked,
    )
    LinkCheck.objects.create(
        publication=working,
        field="url",
        url="https://example.se/finns",
        outcome=LinkOutcome.OK,
        status_code=200,
        checked_at=checked,
    )
    response = editor_client.get(DESK)
    assert desk_titles(response, "links") == ["Avhandling med död länk"]
    assert "https://example.se/borta" in response.content.decode()
    assert 'href="/admin/research/publication/links/"' in response.content.decode()
