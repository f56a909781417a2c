"""District summary reports after the source report's own format, in HTML and A4 PDF."""
