"""The URLs of the kinds the content app owns: news (Aktuellt) and information pages."""

from django.urls import path

from . import views

news_patterns = (
    [
        path("", views.NewsListView.as_view(), name="list"),
        path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
    ],
    "news",
)
page_patterns = (
    [
        path("", views.about, name="about"),
        path("<slug:slug>/", views.PageDetailView.as_view(), name="detail"),
    ],
    "pages",
)
