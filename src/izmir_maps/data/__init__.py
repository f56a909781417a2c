"""The shipped data: district boundaries, provinces, report tables, indicators and the joined district table."""
