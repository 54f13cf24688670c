"""Who may import incidents and see recurrence (issue 7)."""
