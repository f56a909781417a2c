"""What a map shows, decided once above both renderers: classes, colours, legend plan, notes."""
