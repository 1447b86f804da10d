"""Context builders: one per document kind, turning the model into what its template shows."""
