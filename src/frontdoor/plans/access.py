"""Who may see and change multi-agency plans and their actions."""

from __future__ import annotations
