"""Saved searches and the daily alert e-mail (manage.py send_search_alerts)."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.http import QueryDict
from django.test import Client
from django.utils import timezone

from accounts.models import SavedSearch, SentAlert
from accounts.services import unsubscribe_token
from content.models import Status
from tests.factories import ArticleFactory, MethodFactory

from .factories import ProfileFactory, SavedSearchFactory, VerifiedUserFactory
from .helpers import link_in_last_mail, url

pytestmark = pytest.mark.django_db


def an_hour_ago():
    return timezone.now() - timedelta(hours=1)


def send():
    call_command("send_search_alerts", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture
def searcher(db):
    user = VerifiedUserFactory()
    SavedSearchFactory(
        user=user,
        name="Mentorskap",
        query="q=mentorskap",
        created_at=timezone.now() - timedelta(days=2),
    )
    return user


def test_the_alert_mails_the_new_articles_that_match_and_no_others(searcher):
    old = MethodFactory(
        title_sv="Mentorskap i Partille", published_at=timezone.now() - timedelta(days=5)
    )
    new = MethodFactory(title_sv="Mentorskap för nyanlända", published_at=an_hour_ago())
    other = MethodFactory(title_sv="Studiestöd i matematik", published_at=an_hour_ago())
    draft = MethodFactory(title_sv="Mentorskap utkast", status=Status.REVIEW, published_at=None)

    send()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [searcher.email]
    assert new.title_sv in message.body
    assert new.get_absolute_url() in message.body
    for absent in (old, other, draft):
        assert absent.title_sv not in message.body
    assert set(SentAlert.objects.filter(user=searcher).values_list("article_id", flat=True)) == {
        new.pk
    }


def test_an_article_is_never_mailed_twice(searcher):
    MethodFactory(title_sv="Mentorskap för nyanlända", published_at=an_hour_ago())
    send()
    send()
    assert len(mail.outbox) == 1

    # Even if the search is made again (its window starts over), the article is not sent again.
    SavedSearch.objects.update(last_alerted_at=None, created_at=timezone.now() - timedelta(days=9))
    send()
    assert len(mail.outbox) == 1


def test_one_mail_per_user_for_all_their_searches(searcher):
    SavedSearchFactory(
        user=searcher,
        name="Frånvaro",
        query="q=frånvaro",
        created_at=timezone.now() - timedelta(days=2),
    )
    MethodFactory(title_sv="Mentorskap för nyanlända", published_at=an_hour_ago())
    MethodFactory(title_sv="Uppföljning av frånvaro", published_at=an_hour_ago())
    both = MethodFactory(title_sv="Mentorskap mot frånvaro", published_at=an_hour_ago())
    send()
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Mentorskap för nyanlända" in body and "Uppföljning av frånvaro" in body
    assert body.count(both.title_sv) == 1  # in two searches, listed once


def test_each_user_gets_their_own_matches(searcher):
    other = VerifiedUserFactory()
    SavedSearchFactory(
        user=other, query="q=studiestöd", created_at=timezone.now() - timedelta(days=2)
    )
    MethodFactory(title_sv="Mentorskap för nyanlända", published_at=an_hour_ago())
    MethodFactory(title_sv="Studiestöd i matematik", published_at=an_hour_ago())
    send()
    by_user = {message.to[0]: message.body for message in mail.outbox}
    assert "Mentorskap för nyanlända" in by_user[searcher.email]
    assert "Studiestöd" not in by_user[searcher.email]
    assert "Studiestöd i matematik" in by_user[other.email]


def test_filters_of_the_saved_search_apply(db):
    user = VerifiedUserFactory()
    SavedSearchFactory(
        user=user, query="typ=metoder", created_at=timezone.now() - timedelta(days=2)
    )
    method = MethodFactory(published_at=an_hour_ago())
    news = ArticleFactory(published_at=an_hour_ago())
    send()
    assert method.title_sv in mail.outbox[0].body
    assert news.title_sv not in mail.outbox[0].body


def test_no_mail_when_nothing_new_matches(searcher):
    MethodFactory(title_sv="Studiestöd i matematik", published_at=an_hour_ago())
    send()
    assert mail.outbox == []


def test_no_mail_to_users_who_turned_alerts_off(searcher):
    ProfileFactory(user=searcher, search_alerts=False)
    MethodFactory(title_sv="Mentorskap för nyanlända", published_at=an_hour_ago())
    send()
    assert mail.outbox == []


def test_the_alert_is_in_the_users_language(searcher):
    ProfileFactory(user=searcher, language="en")
    method = MethodFactory(
        title_sv="Mentorskap för nyanlända",
        title_en="Mentoring for newcomers",
        published_at=an_hour_ago(),
    )
    send()
    body = mail.outbox[0].body
    assert "Mentoring for newcomers" in body
    assert f"/en/methods/{method.slug}/" in body


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_unsubscribe_link_works_without_logging_in(client, searcher, language):
    ProfileFactory(user=searcher, language=language)
    MethodFactory(
        title_sv="Mentorskap för nyanlända", title_en="Mentoring", published_at=an_hour_ago()
    )
    send()
    link = link_in_last_mail(r"/(alerts/stop|bevakningar/avsluta)/")
    assert mail.outbox[0].extra_headers["List-Unsubscribe"].endswith(f"{link}>")

    assert client.get(link).status_code == 200
    searcher.profile.refresh_from_db()
    assert searcher.profile.search_alerts  # a GET only asks
    response = client.post(link)
    assert response.status_code == 200
    searcher.profile.refresh_from_db()
    assert not searcher.profile.search_alerts

    MethodFactory(title_sv="Mentorskap igen", published_at=timezone.now())
    send()
    assert len(mail.outbox) == 1


def test_a_tampered_unsubscribe_token_is_a_404(client, member):
    token = unsubscribe_token(member, [SavedSearchFactory(user=member)])
    forged = token.replace(str(member.pk), str(member.pk + 1), 1)
    assert client.get(url("accounts:unsubscribe", token=forged)).status_code == 404
    assert client.post(url("accounts:unsubscribe", token="nonsense")).status_code == 404


# Saving a search ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "query"),
    [
        ("/sok/?q=mentor&typ=metoder&page=3", "q=mentor&typ=metoder"),
        ("http://testserver/en/search/?q=mentor", "q=mentor"),
        ("/sok/", ""),
    ],
)
def test_a_user_saves_an_artikelsok_address_under_a_name(member_client, member, address, query):
    response = member_client.post(
        url("accounts:saved_search_new"), {"name": "Mentorer", "url": address, "alerts": "on"}
    )
    assert response.status_code == 302
    search = SavedSearch.objects.get(user=member)
    assert search.name == "Mentorer"
    assert search.query == query


def test_an_address_outside_artikelsok_is_refused(member_client, member):
    response = member_client.post(
        url("accounts:saved_search_new", "en"), {"name": "X", "url": "/en/methods/?q=x"}
    )
    assert response.status_code == 200
    assert "url" in response.context["form"].errors
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize(
    ("address", "shown", "name"),
    [
        ("/sok/?q=mentor", "/sok/?q=mentor", "mentor"),
        # Readable, but what means something in an address (here &) stays encoded.
        (
            "/sok/?q=fr%C3%A5nvaro+%26+n%C3%A4rvaro",
            "/sok/?q=frånvaro+%26+närvaro",
            "frånvaro & närvaro",
        ),
        ("/sok/?typ=metoder&region=07", "/sok/?typ=metoder&region=07", "Metoder"),
        ("/sok/", "/sok/", "Alla artiklar"),
    ],
)
def test_the_save_form_is_filled_in_from_the_results_page_link(member_client, address, shown, name):
    response = member_client.get(url("accounts:saved_search_new"), {"url": address})
    initial = response.context["form"].initial
    assert (initial["url"], initial["name"]) == (shown, name)


def test_a_search_saved_from_its_results_as_suggested_is_the_same_search(member_client, member):
    address = "/sok/?q=fr%C3%A5nvaro+%26+n%C3%A4rvaro&typ=metoder"
    form = member_client.get(url("accounts:saved_search_new"), {"url": address}).context["form"]
    response = member_client.post(url("accounts:saved_search_new"), form.initial)
    assert response.status_code == 302
    saved = SavedSearch.objects.get(user=member)
    assert QueryDict(saved.query) == QueryDict("q=frånvaro+%26+närvaro&typ=metoder")


def test_the_same_search_is_not_saved_twice(member_client, member):
    SavedSearchFactory(user=member, name="Mentorer", query="q=mentor")
    SavedSearchFactory(query="q=mentor")  # another user's is no matter
    response = member_client.post(
        url("accounts:saved_search_new"), {"name": "Igen", "url": "/sok/?q=mentor"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["url"] == [
        "Du har redan sparat den här sökningen, som ”Mentorer”."
    ]
    assert SavedSearch.objects.filter(user=member).count() == 1


def test_a_search_too_long_to_keep_is_refused_with_a_message(member_client, member):
    address = "/sok/?q=" + "å" * 1990  # fits the field, but not once encoded
    response = member_client.post(url("accounts:saved_search_new"), {"name": "Å", "url": address})
    assert response.status_code == 200
    assert response.context["form"].errors["url"] == ["Sökningen är för lång för att sparas."]
    assert not SavedSearch.objects.exists()


def test_a_user_edits_and_deletes_their_saved_search(member_client, member):
    search = SavedSearchFactory(user=member)
    response = member_client.post(
        url("accounts:saved_search_edit", pk=search.pk), {"name": "Nytt namn", "url": "/sok/?q=ny"}
    )
    assert response.status_code == 302
    search.refresh_from_db()
    assert (search.name, search.query, search.alerts) == ("Nytt namn", "q=ny", False)
    member_client.post(url("accounts:saved_search_delete", pk=search.pk))
    assert not SavedSearch.objects.exists()


def test_a_mail_that_cannot_be_sent_is_tried_again_next_run(searcher, monkeypatch):
    from django.core.mail import EmailMultiAlternatives

    MethodFactory(title_sv="Mentorskap för nyanlända", published_at=an_hour_ago())

    def refuse(self, fail_silently=False):
        raise OSError("SMTP server unreachable")

    with monkeypatch.context() as patch:
        patch.setattr(EmailMultiAlternatives, "send", refuse)
        send()
    assert not SentAlert.objects.exists()
    send()
    assert len(mail.outbox) == 1
    assert SentAlert.objects.count() == 1


def _alert_link(searcher) -> str:
    MethodFactory(title_sv="Mentorskap för nyanlända", published_at=an_hour_ago())
    send()
    return link_in_last_mail(r"/(alerts/stop|bevakningar/avsluta)/")


def test_alert_mails_offer_mail_clients_a_one_click_unsubscribe(searcher):
    link = _alert_link(searcher)
    headers = mail.outbox[-1].extra_headers
    assert headers["List-Unsubscribe"] == f"<{settings.SITE_URL}{link}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"  # RFC 8058


def test_a_mail_clients_one_click_post_unsubscribes_without_a_csrf_token(searcher):
    link = _alert_link(searcher)
    mail_client = Client(enforce_csrf_checks=True)  # it has no cookie and no form token
    response = mail_client.post(
        link, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    searcher.profile.refresh_from_db()
    assert not searcher.profile.search_alerts


def test_the_unsubscribe_link_expires_with_the_saved_search_it_was_sent_for(client, searcher):
    link = _alert_link(searcher)
    SavedSearch.objects.filter(user=searcher).delete()
    assert client.get(link).status_code == 404
    assert client.post(link).status_code == 404
