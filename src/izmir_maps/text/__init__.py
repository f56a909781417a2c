"""Words, names and numbers in Turkish and English: the vocabulary every output shares."""
