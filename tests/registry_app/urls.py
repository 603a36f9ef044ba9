from django.urls import path

from content.views import ArticleDetailView, ArticleListView

from .models import Podcast


class PodcastListView(ArticleListView):
    model = Podcast
    kinds = (Podcast.KIND,)
    section_title = "Podcasts"


class PodcastDetailView(ArticleDetailView):
    models = (Podcast,)
    section_title = "Podcasts"
    section_url_name = "podcasts:list"
    template_name = "content/article_detail.html"


app_name = "podcasts"
urlpatterns = [
    path("", PodcastListView.as_view(), name="list"),
    path("<slug:slug>/", PodcastDetailView.as_view(), name="detail"),
]
