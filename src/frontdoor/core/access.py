"""Shared shape of the load-and-authorise helpers in each app's ``access.py``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from .policy import may


def load_or_404(queryset: models.QuerySet, **lookup: Any) -> models.Model:
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404("No such record, or you may not see it.") from None


def require(practitioner: Any, permission: str, obj: Any) -> None:
    """Visible but not allowed: 403."""
    if not may(practitioner, permission, obj):
        raise PermissionDenied
