"""Who may match people and review matches (issue 6)."""
