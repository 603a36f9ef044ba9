"""The editors' work in the real admin: the Redaktör group, the forms, publishing, previews."""

import pytest
from django.contrib.auth.models import Group, Permission
from taggit.models import Tag

from accounts.roles import EDITOR_GROUP
from content.models import NEWS, PAGE, Article, Status, TagName
from methods.models import Method
from tests.admin_helpers import admin_form_data, admin_login
from tests.factories import (
    ArticleFactory,
    CaseStudyFactory,
    MethodFactory,
    MunicipalityFactory,
    PublicationFactory,
    RegionFactory,
    ResearchSummaryFactory,
    UserFactory,
    term,
)

from .html import page, text

CONTENT_MODELS = ["article", "method", "publication", "researchsummary", "casestudy"]
ADMIN_PATHS = {
    "article": "/admin/content/article/",
    "method": "/admin/methods/method/",
    "publication": "/admin/research/publication/",
    "researchsummary": "/admin/research/researchsummary/",
    "casestudy": "/admin/casestudies/casestudy/",
}


@pytest.fixture
def editor_without_publishing(db):
    """An editor who may write but not publish: Redaktör's rights minus the publish right."""
    user = UserFactory(is_staff=True)
    group = Group.objects.get(name=EDITOR_GROUP)
    user.user_permissions.set(group.permissions.exclude(codename="publish_article"))
    return user


# The group -------------------------------------------------------------------------------


@pytest.mark.django_db
def test_editor_group_has_exactly_add_change_view_of_content_and_the_publish_right():
    group = Group.objects.get(name=EDITOR_GROUP)
    # Mina sidor (accounts) adds its own moderation rights; every other right is counted here.
    granted = set(
        group.permissions.exclude(content_type__app_label="accounts").values_list(
            "content_type__app_label", "codename"
        )
    )
    expected = {("content", "publish_article"), ("taggit", "add_tag")}
    expected |= {("taggit", "change_tag"), ("taggit", "view_tag")}
    # A tag's English name is part of the tag: editors keep it as they keep the tag.
    expected |= {("content", f"{action}_tagname") for action in ("add", "change", "view")}
    expected.add(("content", "delete_tagname"))
    # An article's images and documents are edited with it.
    for model in ("articleimage", "articledocument"):
        expected |= {
            ("content", f"{action}_{model}") for action in ("add", "change", "delete", "view")
        }
    # Contact messages: read and marked as handled, never deleted.
    expected |= {
        ("pluginnovation", "change_contactmessage"),
        ("pluginnovation", "view_contactmessage"),
    }
    apps = {
        "article": "content",
        "method": "methods",
        "publication": "research",
        "researchsummary": "research",
        "casestudy": "casestudies",
    }
    for model, app_label in apps.items():
        expected |= {(app_label, f"{action}_{model}") for action in ("add", "change", "view")}
    # The method bank's vocabularies, which editors manage (ContentType.editor_models).
    expected |= {("methods", f"{action}_term") for action in ("add", "change", "delete", "view")}
    assert granted == expected


@pytest.mark.django_db
def test_editor_group_cannot_touch_users_groups_settings_or_statistics():
    group = Group.objects.get(name=EDITOR_GROUP)
    apps = set(group.permissions.values_list("content_type__app_label", flat=True))
    assert apps.isdisjoint({"auth", "stats", "sessions", "admin", "contenttypes", "axes"})
    assert not group.permissions.filter(codename__in=["delete_article", "delete_method"]).exists()
    # Nothing of the people themselves: their profiles, settings, saved articles and searches.
    accounts_models = set(
        group.permissions.filter(content_type__app_label="accounts").values_list(
            "content_type__model", flat=True
        )
    )
    assert accounts_models.isdisjoint({"profile", "savedarticle", "savedsearch", "sentalert"})


# The permission ladder on the admin ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_anonymous_visitors_are_sent_to_the_admin_login(client, model):
    response = client.get(ADMIN_PATHS[model])
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_a_logged_in_user_without_roles_gets_no_admin(client, user):
    client.force_login(user)
    response = client.get("/admin/methods/method/")
    # Not staff: the admin shows its login page again, never the change list.
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_editors_and_superusers_reach_every_content_admin(client, editor, superuser, model):
    for person in (editor, superuser):
        client.force_login(person)
        assert client.get(ADMIN_PATHS[model]).status_code == 200
        assert client.get(f"{ADMIN_PATHS[model]}add/").status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["/admin/auth/user/", "/admin/auth/group/", "/admin/stats/region/"]
)
def test_editors_cannot_reach_users_groups_or_settings(client, editor, path):
    client.force_login(editor)
    assert client.get(path).status_code == 403


# The admin in two languages ---------------------------------------------------------------


@pytest.mark.django_db
def test_the_admin_is_swedish_at_admin_and_english_under_en(client, editor):
    client.force_login(editor)
    swedish = client.get("/admin/methods/method/add/")
    english = client.get("/en/admin/methods/method/add/")
    assert page(swedish).html_lang == "sv"
    assert page(english).html_lang == "en"
    for phrase in [
        "Publicering",
        "Svenska",
        "Engelska",
        "För vem, vad och när",
        "Taggar och geografi",
    ]:
        assert phrase in text(swedish)
    for phrase in [
        "Publishing",
        "Swedish",
        "English",
        "For whom, what and when",
        "Tags and geography",
    ]:
        assert phrase in text(english)


@pytest.mark.django_db
def test_an_editor_names_a_tag_in_english(client, editor):
    tag = Tag.objects.create(name="Samverkan", slug="samverkan")
    client.force_login(editor)
    change = f"/admin/taggit/tag/{tag.pk}/change/"
    assert "Namn på engelska" in text(client.get(change))
    response = client.post(
        change,
        {
            "name": "Samverkan",
            "slug": "samverkan",
            "english-TOTAL_FORMS": "1",
            "english-INITIAL_FORMS": "0",
            "english-MIN_NUM_FORMS": "0",
            "english-MAX_NUM_FORMS": "1",
            "english-0-name": "Collaboration",
            "english-0-tag": str(tag.pk),
        },
    )
    assert response.status_code == 302
    assert TagName.objects.get(tag=tag).name == "Collaboration"
    assert "Collaboration" in text(client.get("/admin/taggit/tag/"))


@pytest.mark.django_db
def test_other_libraries_admin_texts_are_swedish_too(client, editor, admin_user):
    client.force_login(editor)
    assert "Taggar åtskilda med kommatecken." in text(client.get("/admin/methods/method/add/"))
    client.force_login(admin_user)
    index = text(client.get("/admin/"))
    assert "Inloggningsförsök" in index and "E-postadresser" in index
    assert "Access attempts" not in index and "Epost-adresser" not in index


@pytest.mark.django_db
def test_admin_action_labels_are_swedish(client, editor):
    MethodFactory()
    client.force_login(editor)
    body = text(client.get("/admin/methods/method/"))
    assert "Publicera valda metoder" in body
    assert "Avpublicera valda metoder" in body
    ArticleFactory()  # news: the admin of news and information pages says articles
    news = text(client.get("/admin/content/article/"))
    assert "Publicera valda artiklar" in news


@pytest.mark.django_db
@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_every_admin_has_per_language_fieldsets_prepopulated_slug_and_tags(client, editor, model):
    client.force_login(editor)
    response = client.get(f"{ADMIN_PATHS[model]}add/")
    fields = response.context["adminform"].form.fields
    for name in ["title_sv", "title_en", "summary_sv", "summary_en", "body_sv", "body_en", "tags"]:
        assert name in fields
    fieldset_names = [str(fieldset.name) for fieldset in response.context["adminform"]]
    assert "Svenska" in fieldset_names and "Engelska" in fieldset_names
    prepopulated = response.context["adminform"].prepopulated_fields
    assert [item["field"].name for item in prepopulated] == ["slug"]
    assert [field.name for field in prepopulated[0]["dependencies"]] == ["title_sv"]


@pytest.mark.django_db
@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_every_admin_filters_by_status_tags_and_region_and_searches(client, editor, model):
    region = RegionFactory()
    factories = {
        "article": ArticleFactory,
        "method": MethodFactory,
        "publication": PublicationFactory,
        "researchsummary": ResearchSummaryFactory,
        "casestudy": CaseStudyFactory,
    }
    wanted = factories[model](title_sv="Mentorskap i Partille", tags=["mentorskap"])
    wanted.regions.add(region)
    # A case study is linked to its own municipality's region: the other one is elsewhere.
    elsewhere = (
        {"municipality": MunicipalityFactory(code="1280", region=RegionFactory(code="12"))}
        if model == "casestudy"
        else {}
    )
    factories[model](title_sv="Något annat", tags=["studiestöd"], **elsewhere)
    client.force_login(editor)
    changelist = client.get(ADMIN_PATHS[model]).context["cl"]
    filter_titles = {str(spec.title) for spec in changelist.filter_specs}
    assert {"status", "taggar", "regioner"} <= filter_titles
    if model == "article":
        assert "innehållstyp" in filter_titles

    by_tag = client.get(ADMIN_PATHS[model], {"tags__id__exact": wanted.tags.get().pk})
    by_region = client.get(ADMIN_PATHS[model], {"regions__id__exact": region.pk})
    by_search = client.get(ADMIN_PATHS[model], {"q": "Partille"})
    by_status = client.get(ADMIN_PATHS[model], {"status__exact": "published"})
    for response in (by_tag, by_region, by_search):
        assert [item.pk for item in response.context["cl"].result_list] == [wanted.pk]
    assert response.context["cl"].result_count == 1
    assert by_status.context["cl"].result_count == 2


# Writing and publishing through the admin ---------------------------------------------------


@pytest.mark.django_db
def test_an_editor_adds_a_method_in_the_admin_publishes_it_and_sees_it_on_the_site(client, editor):
    assert not editor.is_superuser
    mentoring = term("intervention_type", "mentorskap")
    at_risk, high_absence = (
        term("target_group", "elever-i-riskzon"),
        term("target_group", "hog-franvaro"),
    )
    admin_login(client, editor)

    add_page = client.get("/admin/methods/method/add/")
    assert add_page.status_code == 200
    data = admin_form_data(add_page)
    data.update(
        title_sv="Utökad mentorskap",
        title_en="Extended mentoring",
        slug="utokad-mentorskap",
        summary_sv="Mentorer och coacher följer eleverna hela vägen.",
        body_sv="Mentorn träffar eleven **varje vecka**.",
        tags="mentorskap, coachning",
        intervention_types=[mentoring.pk],
        target_groups=[at_risk.pk, high_absence.pk],
        status=Status.DRAFT,
        _save="Spara",
    )
    response = client.post("/admin/methods/method/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    method = Method.objects.get(slug="utokad-mentorskap")
    assert method.status == Status.DRAFT
    assert method.author == editor
    assert set(method.tags.names()) == {"mentorskap", "coachning"}
    assert set(method.terms.all()) == {mentoring, at_risk, high_absence}
    assert client.get("/metoder/utokad-mentorskap/").status_code == 200  # the editor's preview
    client.logout()
    assert client.get("/metoder/utokad-mentorskap/").status_code == 404

    admin_login(client, editor)
    response = client.post(
        "/admin/methods/method/",
        {"action": "publish", "_selected_action": [method.pk], "index": 0},
    )
    assert response.status_code == 302
    method.refresh_from_db()
    assert method.status == Status.PUBLISHED and method.published_at is not None

    client.logout()
    listing = client.get("/metoder/")
    assert "Utökad mentorskap" in text(listing)
    # Found by the terms the editor chose, in the finder and in Artikelsök.
    assert "Utökad mentorskap" in text(client.get("/metoder/?malgrupp=hog-franvaro"))
    assert "Utökad mentorskap" in text(client.get("/sok/?q=hög+frånvaro"))
    detail = client.get("/metoder/utokad-mentorskap/")
    assert detail.status_code == 200
    assert "<strong>varje vecka</strong>" in detail.content.decode()
    assert "Extended mentoring" in text(client.get("/en/methods/utokad-mentorskap/"))


@pytest.mark.django_db
def test_an_editor_moves_a_case_study_to_another_municipality_in_the_admin(client, editor):
    kronoberg = RegionFactory(code="07", name="Kronobergs län")
    ljungby = MunicipalityFactory(code="0781", name="Ljungby", region=kronoberg)
    partille = MunicipalityFactory(code="1402", name="Partille")
    case_study = CaseStudyFactory(municipality=ljungby)
    admin_login(client, editor)
    change_path = f"{ADMIN_PATHS['casestudy']}{case_study.pk}/change/"
    data = admin_form_data(client.get(change_path))
    assert data["municipalities"] == [str(ljungby.pk)]  # the form sends the former link back
    data.update(municipality=str(partille.pk), _save="Spara")
    response = client.post(change_path, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert list(case_study.municipalities.all()) == [partille]
    assert list(case_study.regions.all()) == [partille.region]


@pytest.mark.django_db
def test_an_editor_can_publish_straight_from_the_add_form(client, editor):
    admin_login(client, editor)
    data = admin_form_data(client.get("/admin/methods/method/add/"))
    data.update(
        title_sv="Närvarocoach", slug="narvarocoach", status=Status.PUBLISHED, _save="Spara"
    )
    assert client.post("/admin/methods/method/add/", data).status_code == 302
    client.logout()
    assert client.get("/metoder/narvarocoach/").status_code == 200


@pytest.mark.django_db
def test_an_editor_without_the_publish_right_cannot_publish_through_the_form(
    client, editor_without_publishing
):
    admin_login(client, editor_without_publishing)
    add_page = client.get("/admin/methods/method/add/")
    offered = [
        value for value, _label in add_page.context["adminform"].form.fields["status"].choices
    ]
    assert Status.PUBLISHED not in offered
    data = admin_form_data(add_page)
    data.update(title_sv="Smygpublicerad", slug="smyg", status=Status.PUBLISHED, _save="Spara")
    response = client.post("/admin/methods/method/add/", data)
    assert response.status_code == 200  # the form comes back with an error
    assert "status" in response.context["adminform"].form.errors
    assert not Method.objects.filter(slug="smyg").exists()

    data["status"] = Status.REVIEW
    assert client.post("/admin/methods/method/add/", data).status_code == 302
    assert Method.objects.get(slug="smyg").status == Status.REVIEW


@pytest.mark.django_db
def test_an_editor_without_the_publish_right_cannot_use_the_publish_actions(
    client, editor_without_publishing
):
    draft = MethodFactory(status=Status.DRAFT, published_at=None)
    published = MethodFactory()
    admin_login(client, editor_without_publishing)
    changelist = client.get("/admin/methods/method/")
    action_form = changelist.context["action_form"]  # None when no action is left at all
    actions = [name for name, _label in action_form.fields["action"].choices] if action_form else []
    assert "publish" not in actions and "unpublish" not in actions
    for action, article in (("publish", draft), ("unpublish", published)):
        client.post(
            "/admin/methods/method/",
            {"action": action, "_selected_action": [article.pk], "index": 0},
        )
    draft.refresh_from_db()
    published.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert published.status == Status.PUBLISHED


@pytest.mark.django_db
def test_an_editor_without_the_publish_right_may_edit_but_not_unpublish_a_published_method(
    client, editor_without_publishing
):
    method = MethodFactory(title_sv="Gammal rubrik")
    admin_login(client, editor_without_publishing)
    url = f"/admin/methods/method/{method.pk}/change/"
    change_page = client.get(url)
    form = change_page.context["adminform"].form
    assert "status" not in form.fields and "published_at" not in form.fields
    data = admin_form_data(change_page)
    data.update(title_sv="Ny rubrik", status=Status.DRAFT, _save="Spara")
    assert client.post(url, data).status_code == 302
    method.refresh_from_db()
    assert method.title_sv == "Ny rubrik"
    assert method.status == Status.PUBLISHED


@pytest.mark.django_db
def test_publish_and_unpublish_actions_work_on_a_change_list_filtered_by_tag(client, editor):
    # A tag filter makes the change list DISTINCT, which PostgreSQL refuses to lock FOR UPDATE.
    drafts = [MethodFactory(status=Status.DRAFT, published_at=None, tags=["x"]) for _ in range(2)]
    admin_login(client, editor)
    tag_id = drafts[0].tags.get().pk
    response = client.post(
        f"/admin/methods/method/?tags__id__exact={tag_id}",
        {"action": "publish", "_selected_action": [d.pk for d in drafts], "index": 0},
        follow=True,
    )
    assert "2 artiklar publicerade." in text(response)
    assert Method.objects.published().count() == 2
    client.post(
        "/admin/methods/method/",
        {"action": "unpublish", "_selected_action": [drafts[0].pk], "index": 0},
    )
    assert Method.objects.published().count() == 1
    drafts[0].refresh_from_db()
    assert drafts[0].status == Status.DRAFT


@pytest.mark.django_db
def test_news_and_pages_admin_offers_only_their_kinds(client, editor):
    MethodFactory(title_sv="En metod")
    ArticleFactory(title_sv="En nyhet")
    client.force_login(editor)
    changelist = client.get("/admin/content/article/")
    assert [str(item) for item in changelist.context["cl"].result_list] == ["En nyhet"]
    add_page = client.get("/admin/content/article/add/")
    kinds = [value for value, _label in add_page.context["adminform"].form.fields["kind"].choices]
    assert set(kinds) - {""} == {NEWS, PAGE}


# Previews ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_change_form_links_a_draft_to_its_preview_for_editors(client, editor):
    draft = MethodFactory(status=Status.DRAFT, published_at=None, slug="utkast")
    client.force_login(editor)
    change_page = client.get(f"/admin/methods/method/{draft.pk}/change/")
    view_on_site = page(change_page).find("a", **{"class": "viewsitelink"}).get("href")
    preview = client.get(view_on_site, follow=True)
    assert preview.redirect_chain[-1][0].endswith("/metoder/utkast/")
    assert preview.status_code == 200
    notice = page(preview).find("p", **{"class": "draft-notice"})
    assert "Förhandsvisning" in notice.text


@pytest.mark.django_db
def test_the_preview_link_is_closed_to_everybody_but_staff(client, user):
    draft = MethodFactory(status=Status.DRAFT, published_at=None)
    content_type = Permission.objects.get(codename="view_method").content_type_id
    shortcut = f"/admin/r/{content_type}/{draft.pk}/"
    assert client.get(shortcut)["Location"].startswith("/admin/login/")
    client.force_login(user)
    assert client.get(shortcut)["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_an_article_saved_in_the_admin_keeps_its_kind(client, editor):
    admin_login(client, editor)
    data = admin_form_data(client.get("/admin/content/article/add/"))
    data.update(title_sv="Nyhet", slug="nyhet", kind=NEWS, _save="Spara")
    assert client.post("/admin/content/article/add/", data).status_code == 302
    assert Article.objects.get(slug="nyhet").get_absolute_url() == "/aktuellt/nyhet/"


# Words spelt the same in both languages.
SAME_IN_BOTH = {"status", "team", "period", "url", "doi", "isbn", "issn"}  # names, not words


@pytest.mark.django_db
@pytest.mark.parametrize("model", CONTENT_MODELS)
def test_every_label_of_the_swedish_admin_form_is_translated(client, editor, model):
    client.force_login(editor)

    def labels(prefix):
        response = client.get(f"{prefix}{ADMIN_PATHS[model]}add/")
        adminform = response.context["adminform"]
        names = [str(fieldset.name) for fieldset in adminform]
        names += [str(field.label) for field in adminform.form.fields.values()]
        return names

    swedish, english = labels(""), labels("/en")
    untranslated = [
        sv
        for sv, en in zip(swedish, english, strict=True)
        if sv == en and sv.lower() not in SAME_IN_BOTH
    ]
    assert untranslated == []
