"""Who may raise, see and escalate professional disagreements."""

from __future__ import annotations
