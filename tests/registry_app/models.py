from django.db import models

from content.models import Article


class Podcast(Article):
    KIND = "podcast"

    episode = models.CharField(max_length=100, blank=True)
