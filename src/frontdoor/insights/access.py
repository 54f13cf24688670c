"""Who may see the partnership's figures, surveys, evaluations and statutory exports."""

from __future__ import annotations
