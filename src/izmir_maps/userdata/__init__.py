"""Users' own district tables: reading, layout detection, district matching and number parsing."""
