"""Print-quality maps drawn with matplotlib: PNG, SVG and PDF, and printable small multiples."""
