from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from infra.i18n import (
    CONTENT_LANGUAGES,
    LANGUAGE_NAMES,
    TranslatedMixin,
    current_language,
    translated_fields,
)

from . import registry
from .markdown import render_markdown

# The kinds the content app itself owns: plain articles, without a table of their own.
NEWS = "news"
PAGE = "page"


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class ArticleQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Status.PUBLISHED, published_at__lte=timezone.now())

    def visible_to(self, user):
        """Editors preview drafts and articles in review; everybody else sees published ones."""
        if user.is_authenticated and user.has_perm("content.view_article"):
            return self
        return self.published()

    def of_kind(self, *kinds):
        return self.filter(kind__in=kinds)

    def showing_a_date_in(self, year: int):
        """The articles whose pages show a date in `year` (includes/article_date.html): their
        own date (dated_on), or, of a kind whose pages show it, their last review."""
        return self.filter(
            Q(dated_on__year=year)
            | Q(
                dated_on__isnull=True,
                kind__in=registry.reviewed_kinds(),
                last_reviewed_at__year=year,
            )
        )

    def scheduled(self):
        """Published articles whose date is still ahead ("Schemalagd"), the next first."""
        return self.filter(status=Status.PUBLISHED, published_at__gt=timezone.now()).order_by(
            "published_at", "pk"
        )

    def review_due(self, reviewed_before):
        """Published articles never reviewed, or last reviewed before that date: never
        reviewed first, then the longest ago."""
        return (
            self.filter(status=Status.PUBLISHED)
            .filter(Q(last_reviewed_at__isnull=True) | Q(last_reviewed_at__lt=reviewed_before))
            .order_by(models.F("last_reviewed_at").asc(nulls_first=True), "published_at", "pk")
        )

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_cards(self):
        """With the related rows the kinds' cards show (the registry's `card_related`:
        literature's authors and year), read in the same query."""
        return self.select_related(*registry.card_relations())

    def related_to(self, article, limit: int = 4):
        """Published articles sharing the most tags with `article`, newest first among equals."""
        tag_ids = list(article.tags.values_list("pk", flat=True))
        if not tag_ids:
            return self.none()
        return (
            self.published()
            .exclude(pk=article.pk)
            .filter(tags__in=tag_ids)
            .annotate(shared_tags=Count("tags", distinct=True))
            .order_by("-shared_tags", "-published_at", "-pk")[:limit]
        )


class TaggedArticle(TaggedItemBase):
    """An article's tag. A real foreign key to Article (not taggit's generic one), so a method's
    tags are the same rows whether it is read as a Method or as an Article."""

    content_object = models.ForeignKey("Article", on_delete=models.CASCADE)

    class Meta:
        db_table = "pluginnovation_taggedarticle"  # the table of the app these models came from
        verbose_name = _("tagged article")
        verbose_name_plural = _("tagged articles")
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="article_tag_once")
        ]


class TagName(models.Model):
    """A tag's name in English. Tags are named in Swedish (taggit has one name per tag); an
    English page shows this name, or the Swedish one (marked as Swedish) where there is none."""

    tag = models.OneToOneField(
        Tag,
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="english",
        verbose_name=_("tag"),
    )
    name = models.CharField(_("name in English"), max_length=100)

    class Meta:
        db_table = "pluginnovation_tagname"
        verbose_name = _("English name of a tag")
        verbose_name_plural = _("English names of tags")

    def __str__(self) -> str:
        return self.name


def shown_tag_name(swedish: str, english: str) -> tuple[str, str]:
    """(name, its language) of a tag in the visitor's language: the English name on English
    pages where there is one, else the Swedish name."""
    if english and current_language() == "en":
        return english, "en"
    return swedish, "sv"


def english_tag_name(tag: Tag) -> str:
    """The tag's English name, or "": read the tags with `attach_tags`, or it costs a query
    per tag."""
    return tag.english.name if hasattr(tag, "english") else ""


def tag_label(tag: Tag) -> tuple[str, str]:
    """shown_tag_name of a tag."""
    return shown_tag_name(tag.name, english_tag_name(tag))


def attach_tags(articles) -> None:
    """Set each article's `tag_list`: its tags by name, each with its English name, in one
    query. (taggit's prefetch cannot read the English names along: it refuses a queryset.)"""
    by_article: dict[int, list[Tag]] = {}
    for article in articles:
        article.tag_list = by_article.setdefault(article.pk, [])
    links = (
        TaggedArticle.objects.filter(content_object_id__in=by_article)
        .select_related("tag__english")
        .order_by("tag__name", "tag_id")
    )
    for link in links:
        by_article[link.content_object_id].append(link.tag)


def attach_card_rows(articles) -> None:
    """Read the related rows the articles' cards show (registry `card_related`) for a list
    already read: a query per kind on the list that has such rows, none for the others."""
    by_kind: dict[str, list] = {}
    for article in articles:
        by_kind.setdefault(article.kind, []).append(article)
    for kind, group in by_kind.items():
        if related := registry.card_relations(kind):
            prefetch_related_objects(group, *related)


class Article(TranslatedMixin, models.Model):
    """The searchable unit and the parent of every content type (multi-table inheritance)."""

    kind = models.CharField(_("content type"), max_length=20, choices=registry.kind_choices)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        unique=True,
        allow_unicode=False,
        help_text=_("The last part of the address, e.g. partille-team."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        help_text=_("Set automatically when the article is first published."),
    )
    last_reviewed_at = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When an editor last checked that the text is still right."),
    )
    dated_on = models.DateField(
        _("date of the text"),
        null=True,
        blank=True,
        help_text=_(
            "The date a news item gives itself (“Publicerad 28 oktober 2022”), shown with it. "
            "Leave it empty if the text has none: the day it went on the site is never shown "
            "as its date."
        ),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="articles",
        verbose_name=_("author"),
    )
    tags = TaggableManager(_("tags"), through=TaggedArticle, blank=True)
    regions = models.ManyToManyField(
        "stats.Region", blank=True, related_name="articles", verbose_name=_("regions")
    )
    municipalities = models.ManyToManyField(
        "stats.Municipality", blank=True, related_name="articles", verbose_name=_("municipalities")
    )
    related_articles = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=True,
        verbose_name=_("related articles"),
        help_text=_("E.g. a method's research and case studies, or a case study's methods."),
    )

    title_sv, title_en = translated_fields(models.CharField, _("title"), max_length=255, blank=True)
    summary_sv, summary_en = translated_fields(models.TextField, _("summary"), blank=True)
    body_sv, body_en = translated_fields(
        models.TextField, _("text"), blank=True, help_text=_("Markdown.")
    )
    body_html_sv, body_html_en = translated_fields(
        models.TextField, _("text as HTML"), blank=True, editable=False
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # Counts the saves: the admin refuses a form opened at an older count (a stale edit).
    edit_version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    # Whether documents are attached (kept by the documents' signals): Artikelsök looks for a
    # passage in them only for the results that have some.
    has_documents = models.BooleanField(_("has documents"), default=False, editable=False)

    objects = ArticleQuerySet.as_manager()

    # Subclasses set this; Article itself is never created directly.
    KIND: str = ""

    class Meta:
        db_table = "pluginnovation_article"
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [("publish_article", _("Can publish and unpublish articles"))]
        indexes = [
            models.Index(fields=["kind", "status", "-published_at"], name="article_browse"),
            # Newest first over every kind: Artikelsök without a query, and its matches by date.
            models.Index(fields=["status", "-published_at", "-id"], name="article_newest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title_sv="") | ~Q(title_en=""), name="article_has_a_title"
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED) | Q(published_at__isnull=False),
                name="published_article_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self.KIND:
            self.kind = self.KIND
        if self.status == Status.PUBLISHED and self.published_at is None:
            self.published_at = timezone.now()
        for code in CONTENT_LANGUAGES:
            setattr(self, f"body_html_{code}", render_markdown(getattr(self, f"body_{code}")))
        self.edit_version = (self.edit_version or 0) + 1
        # Read afresh: this copy may have been loaded before a document was added.
        self.has_documents = bool(self.pk) and self.documents.exists()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {*update_fields, "edit_version", "updated_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        placed = registry.placed_page(self.slug) if self.kind == PAGE else None
        if placed:
            return reverse(placed)
        return reverse(registry.detail_url_name(self.kind), kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if not (self.title_sv.strip() or self.title_en.strip()):
            raise ValidationError(_("Give the article a title in Swedish, English or both."))

    # Read in the visitor's language, falling back to the other one.
    @property
    def title(self) -> str:
        return self.translated("title")

    @property
    def summary(self) -> str:
        return self.translated("summary")

    @property
    def body_html(self) -> str:
        return self.translated("body_html")

    @property
    def content_language(self) -> str:
        """The language the visitor reads this article in (differs from theirs on fallback)."""
        return self.translated_language("title")

    @property
    def is_fallback(self) -> bool:
        return self.content_language != current_language()

    @property
    def shows_last_review(self) -> bool:
        """Whether its type's pages say when it was last reviewed (registry)."""
        return registry.get(self.kind).shows_last_review

    @property
    def is_public(self) -> bool:
        return (
            self.status == Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    def search_texts(self, language: str) -> list[str]:
        """What else the article says in `language`, for Artikelsök to index with its body: the
        text fields its content type adds to Article (a method's cost, a case study's results).
        A content type extends this with what its structured fields say."""
        texts = []
        for model_field in type(self)._meta.concrete_fields:
            if model_field.model is Article or not isinstance(
                model_field, models.CharField | models.TextField
            ):
                continue
            if model_field.choices or isinstance(model_field, models.EmailField | models.URLField):
                continue
            name = model_field.name
            suffix = name.rsplit("_", 1)[-1] if "_" in name else ""
            if (suffix in CONTENT_LANGUAGES and suffix != language) or "phone" in name:
                continue
            value = getattr(self, model_field.attname, "") or ""
            if value:
                texts.append(str(value))
        texts.extend(self.document_texts(language))
        return texts

    def document_texts(self, language: str) -> list[str]:
        """The text of the article's documents in `language` (or in no one language). Read
        with `attach_document_texts` when indexing many articles, or it costs a query each."""
        found = getattr(self, "_document_texts", None)
        if found is None:
            found = list(self.documents.values_list("language", "text"))
        return [text for code, text in found if text and code in ("", language)]

    @property
    def languages(self) -> list[str]:
        """The languages the article is written in: those it has a title in."""
        return [code for code in CONTENT_LANGUAGES if getattr(self, f"title_{code}", "").strip()]

    def publish(self, when=None):
        self.status = Status.PUBLISHED
        self.published_at = self.published_at or when or timezone.now()

    def unpublish(self):
        self.status = Status.DRAFT


def documents_changed(sender, instance, **kwargs) -> None:
    """post_save and post_delete of a document: its article's `has_documents` (an update(), so
    no edit, version or signal follows)."""
    attached = ArticleDocument.objects.filter(article_id=models.OuterRef("pk"))
    Article.objects.filter(pk=instance.article_id).update(has_documents=models.Exists(attached))


def attach_document_texts(articles) -> None:
    """Read the documents' texts of many articles in one query (see Article.document_texts)."""
    by_pk: dict[int, list] = {}
    for article in articles:
        article._document_texts = by_pk.setdefault(article.pk, [])
    rows = ArticleDocument.objects.filter(article_id__in=by_pk).exclude(text="")
    for article_id, language, text in rows.values_list("article_id", "language", "text"):
        by_pk[article_id].append((language, text))


# Images and documents ---------------------------------------------------------------------
# Their files are written under names made by content/uploads.py (never the uploaded name)
# through Django's storage API, and kept when a row is deleted: a restored version of the
# article points at them again.


class ArticleImage(TranslatedMixin, models.Model):
    """An image on an article's page: the file as checked and re-encoded (no metadata), and
    smaller copies for `srcset`."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="images", verbose_name=_("article")
    )
    file = models.FileField(_("image"), max_length=255)
    width = models.PositiveIntegerField(_("width"), default=0, editable=False)
    height = models.PositiveIntegerField(_("height"), default=0, editable=False)
    # [{"width": 480, "name": "<storage name>"}, …], narrowest first; the file itself is widest.
    renditions = models.JSONField(_("smaller copies"), default=list, blank=True, editable=False)
    alt_sv, alt_en = translated_fields(
        models.CharField,
        _("alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for those who cannot see it."),
    )
    credit = models.CharField(
        _("credit"), max_length=200, blank=True, help_text=_("E.g. Photo: Anna Svensson.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self) -> str:
        return self.alt_sv or self.alt_en or self.file.name

    @property
    def alt(self) -> str:
        return self.translated("alt")

    @property
    def alt_language(self) -> str:
        return self.translated_language("alt")

    @property
    def url(self) -> str:
        return self.file.url

    @property
    def srcset(self) -> str:
        """`<img srcset>`: each copy with its width, then the file itself."""
        from django.core.files.storage import default_storage

        entries = [
            f"{default_storage.url(item['name'])} {item['width']}w" for item in self.renditions
        ]
        entries.append(f"{self.file.url} {self.width}w")
        return ", ".join(entries)


class DocumentType(models.TextChoices):
    PDF = "pdf", "PDF"
    DOCX = "docx", _("Word document")
    ODT = "odt", _("OpenDocument text")


class ArticleDocument(models.Model):
    """A document attached to an article (a report, a form to fill in), listed on its page
    with its title, type and size. Its text is searched by Artikelsök."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="documents", verbose_name=_("article")
    )
    file = models.FileField(_("file"), max_length=255)
    title = models.CharField(_("title"), max_length=255)
    language = models.CharField(
        _("language of the document"),
        max_length=2,
        choices=[(code, LANGUAGE_NAMES[code]) for code in CONTENT_LANGUAGES],
        blank=True,
        help_text=_("Its text is searched in this language; empty: in both."),
    )
    file_type = models.CharField(
        _("type"), max_length=10, choices=DocumentType.choices, editable=False
    )
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    text = models.TextField(_("text"), blank=True, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.title

    @property
    def url(self) -> str:
        return self.file.url


# Revisions --------------------------------------------------------------------------------


class RevisionAction(models.TextChoices):
    SAVED = "saved", _("Saved")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    RESTORED = "restored", _("Restored an earlier version")
    DELETED = "deleted", _("Deleted")
    RECOVERED = "recovered", _("Restored after deletion")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")


class RevisionNote(models.Model):
    """What one revision (django-reversion's, holding one article's full content) was: which
    article, what was done, and the article's edit version then. An article's history is
    read from these rows, also after the article is deleted."""

    revision = models.OneToOneField(
        "reversion.Revision", on_delete=models.CASCADE, related_name="note"
    )
    article_id = models.BigIntegerField(_("article"), db_index=True)
    kind = models.CharField(_("content type"), max_length=20)
    title = models.CharField(_("title"), max_length=255, blank=True)
    action = models.CharField(_("action"), max_length=20, choices=RevisionAction.choices)
    # What else the action says: {"fields": [changed field names]}, {"from": revision id},
    # {"what": "Partille"}.
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    edit_version = models.PositiveIntegerField(_("version"), default=0)

    class Meta:
        ordering = ["-revision__date_created", "-pk"]
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")

    def __str__(self) -> str:
        return f"{self.title} ({self.get_action_display()})"
