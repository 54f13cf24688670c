"""Who may see and run meetings, their agendas and minutes."""

from __future__ import annotations
