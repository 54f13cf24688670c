"""Who may see a supervision record: only its supervisor and its practitioner."""

from __future__ import annotations
