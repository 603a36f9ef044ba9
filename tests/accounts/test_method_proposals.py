"""'Tipsa om en metod': a proposal becomes a Method in review; editors publish or reject it."""

import pytest
from django.urls import reverse

from accounts.models import MethodProposal, ProposalState
from content.models import Status
from methods.models import Method

from .factories import MethodProposalFactory
from .helpers import url

pytestmark = pytest.mark.django_db

PROPOSAL = {
    "title": "Frukostklubben",
    "summary": "Elever med hög frånvaro bjuds på frukost och ett samtal.",
    "body": "Varje morgon **klockan 8**.",
    "target_group": "Elever i årskurs 1",
    "contact_name": "Sara Lind",
    "contact_email": "sara@example.se",
}


@pytest.mark.parametrize(("language", "field"), [("sv", "title_sv"), ("en", "title_en")])
def test_a_proposal_becomes_a_method_in_review_by_the_user(member_client, member, language, field):
    response = member_client.post(url("accounts:propose_method", language), PROPOSAL)
    assert response.status_code == 302
    method = Method.objects.get()
    assert getattr(method, field) == "Frukostklubben"
    assert method.status == Status.REVIEW
    assert method.author == member
    assert "<strong>klockan 8</strong>" in getattr(method, f"body_html_{language}")
    assert method.proposal.user == member
    # Not public yet.
    assert member_client.get(url("methods:detail", language, slug=method.slug)).status_code == 404


def test_the_proposer_follows_the_status_in_my_pages(member_client, member):
    proposal = MethodProposalFactory(user=member, method__title_sv="Frukostklubben")
    page = member_client.get(url("accounts:dashboard")).content.decode()
    assert "Frukostklubben" in page
    assert "Under granskning" in page

    proposal.method.publish()
    proposal.method.save()
    assert (
        member_client.get(url("accounts:dashboard")).context["proposals"][0].state
        == ProposalState.PUBLISHED
    )

    proposal.reject("Finns redan som Mentorskap.")
    page = member_client.get(url("accounts:dashboard")).content.decode()
    assert "Finns redan som Mentorskap." in page
    assert "Publiceras inte" in page


def test_an_editor_sees_the_proposal_in_the_admin_and_publishes_it(editor_client):
    proposal = MethodProposalFactory()
    changelist = reverse("admin:accounts_methodproposal_changelist")
    assert editor_client.get(changelist).status_code == 200
    response = editor_client.post(
        changelist, {"action": "publish", "_selected_action": [proposal.pk]}
    )
    assert response.status_code == 302
    proposal.method.refresh_from_db()
    assert proposal.method.status == Status.PUBLISHED
    assert proposal.method.published_at is not None


def test_an_editor_rejects_a_proposal(editor_client):
    proposal = MethodProposalFactory()
    changelist = reverse("admin:accounts_methodproposal_changelist")
    editor_client.post(changelist, {"action": "reject", "_selected_action": [proposal.pk]})
    proposal.refresh_from_db()
    assert proposal.state == ProposalState.REJECTED
    assert proposal.method.status == Status.DRAFT


def test_the_method_in_review_is_in_the_editors_method_list(editor_client):
    proposal = MethodProposalFactory(method__title_sv="Frukostklubben")
    page = editor_client.get(reverse("admin:methods_method_changelist")).content.decode()
    assert "Frukostklubben" in page
    assert proposal.method.author == proposal.user


def test_a_user_who_is_not_staff_cannot_reach_the_admin(member_client):
    MethodProposalFactory()
    response = member_client.get(reverse("admin:accounts_methodproposal_changelist"))
    assert response.status_code == 302


def test_an_empty_proposal_is_refused_with_messages_next_to_the_fields(member_client):
    response = member_client.post(url("accounts:propose_method"), {})
    assert response.status_code == 200
    assert {"title", "summary", "body"} <= set(response.context["form"].errors)
    assert not MethodProposal.objects.exists()
