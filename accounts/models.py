"""Mina sidor: a user's profile, saved articles and searches, method registry and proposals."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from content.models import Article, Status
from methods.models import Method
from stats.models import Region


class Role(models.TextChoices):
    TEACHER = "larare", _("Teacher")
    MENTOR = "mentor", pgettext_lazy("professional role", "Mentor")
    COUNSELLOR = "syv", _("Study and careers counsellor")
    PRINCIPAL = "rektor", _("Principal")
    ADMINISTRATION = "forvaltning", _("Local authority administration")
    RESEARCHER = "forskare", _("Researcher")
    OTHER = "annan", _("Other")


class Profile(models.Model):
    """What a user tells about themselves in Inställningar; the name lives on the user."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    municipality = models.ForeignKey(
        "stats.Municipality",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("municipality"),
    )
    language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        blank=True,
        help_text=_("The site opens in this language when you log in."),
    )
    search_alerts = models.BooleanField(
        _("e-mail me new articles matching my saved searches"), default=True
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)


class OwnedQuerySet(models.QuerySet):
    """Rows that belong to one user: every personal view starts from `.of(request.user)`."""

    def of(self, user):
        return self.filter(user=user)


class SavedArticle(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_articles",
        verbose_name=_("user"),
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("saved article")
        verbose_name_plural = _("saved articles")
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="saved_article_once")
        ]

    def __str__(self) -> str:
        return f"{self.user}: {self.article}"


class SavedSearchQuerySet(OwnedQuerySet):
    def alerting(self):
        """Searches whose owner wants alerts and has a confirmed e-mail address."""
        return self.filter(
            alerts=True,
            user__is_active=True,
            user__emailaddress__verified=True,
            user__emailaddress__primary=True,
        ).exclude(user__profile__search_alerts=False)  # no profile yet: the default, on


class SavedSearch(models.Model):
    """An Artikelsök query kept under a name; new matches are e-mailed (send_search_alerts)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="saved_searches",
        verbose_name=_("user"),
    )
    name = models.CharField(_("name"), max_length=200)
    query = models.CharField(
        _("search parameters"),
        max_length=2000,
        blank=True,
        help_text=_("The query string of the search address, without the page number."),
    )
    alerts = models.BooleanField(_("e-mail me new matches"), default=True)
    created_at = models.DateTimeField(_("saved"), default=timezone.now)
    last_alerted_at = models.DateTimeField(_("last alert"), null=True, blank=True)

    objects = SavedSearchQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")

    def __str__(self) -> str:
        return self.name

    def get_search_url(self) -> str:
        url = reverse("search:results")
        return f"{url}?{self.query}" if self.query else url

    @property
    def alert_since(self):
        return self.last_alerted_at or self.created_at


class SentAlert(models.Model):
    """An article e-mailed to a user once: never the same article twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("user"),
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("sent alert")
        verbose_name_plural = _("sent alerts")
        constraints = [models.UniqueConstraint(fields=["user", "article"], name="alert_sent_once")]

    def __str__(self) -> str:
        return f"{self.user}: {self.article}"


class Moderation(models.TextChoices):
    PENDING = "pending", _("Waiting for approval")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Not approved")


class MethodUseQuerySet(OwnedQuerySet):
    def of_published_methods(self):
        return self.filter(method__in=Method.objects.published())

    def in_area(self, area):
        """The uses in a municipality, or in a region's municipalities."""
        if isinstance(area, Region):
            return self.filter(municipality__region=area)
        return self.filter(municipality=area)

    def approved(self):
        return self.filter(moderation=Moderation.APPROVED)

    def pending(self):
        return self.filter(moderation=Moderation.PENDING).order_by("created_at", "pk")

    def for_method(self, method):
        """The entries shown on the method's page: approved ones only."""
        return (
            self.approved()
            .filter(method=method)
            .select_related("municipality", "user")
            .order_by("municipality__name", "start_year")
        )


class MethodUse(models.Model):
    """'Vi använder metoden': a user says their municipality works with a method."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="method_uses",
        verbose_name=_("user"),
    )
    method = models.ForeignKey(
        Method, on_delete=models.CASCADE, related_name="uses", verbose_name=_("method")
    )
    municipality = models.ForeignKey(
        "stats.Municipality",
        on_delete=models.CASCADE,
        related_name="method_uses",
        verbose_name=_("municipality"),
    )
    start_year = models.PositiveSmallIntegerField(
        _("started in"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    show_contact = models.BooleanField(
        _("show my name and e-mail address as contact"),
        default=False,
        help_text=_("Others who want to start with the method may then contact you."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Public on the method's page only once an editor has approved it.
    moderation = models.CharField(
        _("approval"),
        max_length=10,
        choices=Moderation.choices,
        default=Moderation.PENDING,
        db_index=True,
    )
    moderated_at = models.DateTimeField(_("approved or rejected"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved or rejected by"),
    )

    objects = MethodUseQuerySet.as_manager()

    class Meta:
        ordering = ["municipality__name", "pk"]
        verbose_name = _("method in use")
        verbose_name_plural = _("methods in use")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "method", "municipality"], name="method_use_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.method} – {self.municipality}"


class ProposalState(models.TextChoices):
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Not published")


class MethodProposal(models.Model):
    """A method a user suggested ('Tipsa om en metod'). The Method itself waits in review."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="method_proposals",
        verbose_name=_("proposed by"),
    )
    method = models.OneToOneField(
        Method, on_delete=models.CASCADE, related_name="proposal", verbose_name=_("method")
    )
    rejected_at = models.DateTimeField(_("rejected"), null=True, blank=True)
    editor_note = models.TextField(
        _("note to the proposer"),
        blank=True,
        help_text=_("Shown to the proposer in Mina sidor, e.g. why it was not published."),
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)

    objects = OwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("method proposal")
        verbose_name_plural = _("method proposals")

    def __str__(self) -> str:
        return str(self.method)

    @property
    def state(self) -> str:
        if self.rejected_at:
            return ProposalState.REJECTED
        if self.method.status == Status.PUBLISHED:
            return ProposalState.PUBLISHED
        return ProposalState.REVIEW

    def get_state_display(self) -> str:
        return ProposalState(self.state).label

    def reject(self, note: str = "") -> None:
        self.rejected_at = timezone.now()
        if note:
            self.editor_note = note
        self.method.status = Status.DRAFT
        self.method.save(update_fields=["status"])
        self.save(update_fields=["rejected_at", "editor_note"])
