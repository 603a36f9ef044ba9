from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from content.admin import ArticleAdmin
from content.models import Status

from . import importer
from .forms import PublicationAdminForm, ReferenceFileForm
from .models import LinkCheck, LinkOutcome, Publication, ReferenceUpload, ResearchSummary


class LinkProblemFilter(admin.SimpleListFilter):
    title = gettext_lazy("links")
    parameter_name = "lankar"

    def lookups(self, request, model_admin):
        return [("problem", gettext_lazy("Broken, moved or not answering"))]

    def queryset(self, request, queryset):
        if self.value() == "problem":
            problems = LinkCheck.objects.needing_attention().values("publication_id")
            return queryset.filter(pk__in=problems)
        return queryset


@admin.register(Publication)
class PublicationAdmin(ArticleAdmin):
    form = PublicationAdminForm
    change_list_template = "research/admin/publication_change_list.html"
    list_display = ["__str__", "short_authors", "year", "publication_type", "status"]
    list_filter = [
        "status",
        "publication_type",
        "study_design",
        "language",
        "open_access",
        LinkProblemFilter,
        ("tags", admin.RelatedOnlyFieldListFilter),
        "regions",
    ]
    search_fields = [*ArticleAdmin.search_fields, "author_names", "doi", "isbn", "container_title"]
    readonly_fields = [*ArticleAdmin.readonly_fields, "link_status"]
    type_fieldsets = [
        (
            gettext_lazy("Reference"),
            {
                "fields": [
                    "authors",
                    "subtitle",
                    ("year", "date"),
                    "publication_type",
                    "container_title",
                    ("volume", "issue", "pages"),
                    ("publisher", "place", "edition"),
                ]
            },
        ),
        (
            gettext_lazy("Identifiers and links"),
            {"fields": ["doi", ("isbn", "issn"), "url", "pdf_url", "open_access", "link_status"]},
        ),
        (
            gettext_lazy("The study"),
            {"fields": ["study_design", "language", ("context_sv", "context_en")]},
        ),
        (gettext_lazy("Abstract"), {"fields": ["abstract_sv", "abstract_en"]}),
    ]

    @admin.display(description=gettext_lazy("authors"))
    def short_authors(self, publication: Publication) -> str:
        return publication.short_authors

    @admin.display(description=gettext_lazy("last check of the links"))
    def link_status(self, publication: Publication) -> str:
        checks = list(publication.link_checks.all()) if publication.pk else []
        if not checks:
            return _("Not checked yet (manage.py check_links checks them).")
        return format_html_join(
            "",
            "<p>{}: {} ({}{}), {}</p>",
            (
                (
                    check.get_field_display(),
                    check.get_outcome_display(),
                    check.status_code or check.detail,
                    f" → {check.final_url}" if check.final_url else "",
                    check.checked_at.strftime("%Y-%m-%d %H:%M"),
                )
                for check in checks
            ),
        )

    # -- Importing references, and the report of broken links

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="research_publication_import"),
            path(
                "import/<int:upload_id>/",
                view(self.import_preview_view),
                name="research_publication_import_preview",
            ),
            path("links/", view(self.links_view), name="research_publication_links"),
            *super().get_urls(),
        ]

    def _page(
        self, request: HttpRequest, template: str, title: str, status: int = 200, **context
    ) -> HttpResponse:
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": title,
                "changelist_url": reverse("admin:research_publication_changelist"),
                **context,
            },
            status=status,
        )

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a file of references; it is read and checked before anything is written."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = ReferenceFileForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                text = importer.read_upload(upload)
                importer.preview(text)  # a file that is not references at all stops here
            except importer.ImportFileError as error:
                form.add_error("file", str(error))
            else:
                stored = importer.store_upload(text, upload.name, request.user)
                return redirect("admin:research_publication_import_preview", stored.pk)
        return self._page(
            request,
            "research/admin/import_upload.html",
            _("Import references"),
            form=form,
            status=400 if form.errors else 200,
        )

    def import_preview_view(self, request: HttpRequest, upload_id: int) -> HttpResponse:
        """What the file holds; on confirmation, its new references are imported."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        upload = get_object_or_404(ReferenceUpload, pk=upload_id, uploaded_by=request.user)
        if request.method == "POST":
            try:
                created = importer.import_references(upload.pk, request.user)
            except importer.NothingToImport as error:
                self.message_user(request, str(error), messages.ERROR)
                return redirect("admin:research_publication_import")
            except DatabaseError:
                self.message_user(
                    request,
                    _("The references could not be saved; nothing was imported. Try again."),
                    messages.ERROR,
                )
                return redirect("admin:research_publication_import_preview", upload.pk)
            count = len(created)
            self.message_user(
                request,
                ngettext(
                    "%(count)d reference imported as a draft in review: tag it and publish it.",
                    "%(count)d references imported as drafts in review: tag them and publish them.",
                    count,
                )
                % {"count": count},
                messages.SUCCESS,
            )
            changelist = reverse("admin:research_publication_changelist")
            return redirect(f"{changelist}?status__exact={Status.REVIEW}")
        try:
            checked = importer.preview(upload.text)
        except importer.ImportFileError as error:  # cannot happen for a stored upload, but
            self.message_user(request, str(error), messages.ERROR)
            return redirect("admin:research_publication_import")
        return self._page(
            request,
            "research/admin/import_preview.html",
            _("Import references: preview"),
            upload=upload,
            preview=checked,
        )

    def links_view(self, request: HttpRequest) -> HttpResponse:
        """The links that need an editor: broken, moved or not answering, at their last check."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        checks = LinkCheck.objects.needing_attention().select_related("publication")
        return self._page(
            request,
            "research/admin/links.html",
            _("Links to look at"),
            checks=checks,
            checked=LinkCheck.objects.count(),
            broken=LinkOutcome.BROKEN,
        )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("link_checks")


@admin.register(ResearchSummary)
class ResearchSummaryAdmin(ArticleAdmin):
    filter_horizontal = [*ArticleAdmin.filter_horizontal, "publications"]
    type_fieldsets = [(gettext_lazy("Publications summarised"), {"fields": ["publications"]})]
