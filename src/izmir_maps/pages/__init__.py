"""The atlas's HTML pages: home page, district profiles, comparisons and statistics."""
