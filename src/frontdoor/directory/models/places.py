"""Postcodes and their centres, from the ONS Postcode Directory (Open Government Licence v3.0),
so that "near me" searches never ask an online service where a postcode is (issue 8, item 6)."""

from __future__ import annotations

from django.db import models


class Postcode(models.Model):
    """One postcode's centre. ``postcode`` is normalised: capitals, one space ("PR1 2HE")."""

    postcode = models.CharField(max_length=8, primary_key=True)
    outward = models.CharField(max_length=4, db_index=True)
    latitude = models.FloatField()
    longitude = models.FloatField()
    # Ordnance Survey grid (OSGB36) metres, as the directory gives them.
    easting = models.PositiveIntegerField(null=True, blank=True)
    northing = models.PositiveIntegerField(null=True, blank=True)
    # The local authority district (ONS code, e.g. E07000123) the postcode lies in.
    district_code = models.CharField(max_length=9, blank=True, db_index=True)

    class Meta:
        ordering = ["postcode"]

    def __str__(self) -> str:
        return self.postcode
