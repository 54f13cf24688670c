class ConflictError(Exception):
    """Someone else changed the record since this edit began (SECURITY.md promise 18)."""
