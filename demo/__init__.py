"""The demo content `make run` loads: the original PlugInnovation site's texts, as plain data.

One module per content type, each with a list `ITEMS` of dicts. Every fact comes from the seed
documents of the original site; the English (or Swedish) versions are faithful translations.
Where an item has a lead sentence, `summary_*` holds it and `body_*` holds the rest of the seed
text, so that a detail page (lead, then body) shows the seed text once, word for word.

Keys besides the model's own fields (see `loader.py`):
- `tags`: tag names, spelled as in the seeds;
- `regions`, `municipalities`: county and municipality codes (SCB);
- `related`: slugs of demo articles to link (the link is symmetrical, so give it on one side);
- `published`: a date, only where the seed gives one.
"""
