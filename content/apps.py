from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class ContentConfig(AppConfig):
    """The Article core every content type shares, and news and information pages."""

    name = "content"
    verbose_name = _("Content")

    def ready(self) -> None:
        from infra.cache import keep_private, show_publicly

        from . import desk, registry, revisions
        from .models import NEWS, PAGE, Article, ArticleDocument, documents_changed
        from .urls import news_patterns, page_patterns

        # Tags and their English names are shown on every card.
        show_publicly("content", "taggit")
        # A revision changes no page: the change it keeps made them stale already.
        keep_private("content.revisionnote")
        revisions.connect_signals()
        post_save.connect(documents_changed, sender=ArticleDocument, dispatch_uid="has-documents")
        post_delete.connect(
            documents_changed, sender=ArticleDocument, dispatch_uid="has-documents-delete"
        )
        desk.register_content_sections()
        registry.register(
            registry.ContentType(
                kind=NEWS,
                model=Article,
                label=_("News"),
                detail_url_name="news:detail",
                section=registry.Section(
                    namespace="news",
                    path=_("news/"),
                    urls=news_patterns,
                    label=_("News"),
                    search_type="aktuellt",
                    search_label=_("News"),
                    position=50,
                ),
            )
        )
        registry.register(
            registry.ContentType(
                kind=PAGE,
                model=Article,
                label=_("Information page"),
                detail_url_name="pages:detail",
                section=registry.Section(
                    namespace="pages",
                    path=_("about/"),
                    urls=page_patterns,
                    label=_("About Plug In"),
                    search_type="information",
                    search_label=_("Information pages"),
                    position=60,
                    list_url_name="pages:about",
                ),
            )
        )
