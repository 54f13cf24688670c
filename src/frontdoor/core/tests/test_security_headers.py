"""Production settings and the headers on every page (SECURITY.md promise 13)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[4]


def run_manage(*args, **env):
    ignored = ("DEBUG", "FRONTDOOR_DEMO", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")
    environment = {k: v for k, v in os.environ.items() if k not in ignored}
    environment.update(env)
    return subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        check=False,
    )


def test_production_settings_pass_check_deploy():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        FRONTDOOR_MODE="production",
        SECRET_KEY="k" * 64 + "-production-test-secret-value",
        ALLOWED_HOSTS="frontdoor.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_demo_mode_is_refused_in_production():
    result = run_manage(
        "check",
        "--deploy",
        FRONTDOOR_MODE="production",
        FRONTDOOR_DEMO="1",
        SECRET_KEY="k" * 64 + "-production-test-secret-value",
        ALLOWED_HOSTS="frontdoor.example",
    )
    assert result.returncode != 0
    assert "frontdoor.E001" in result.stdout + result.stderr


def test_production_mode_needs_a_secret_key():
    result = run_manage("check", FRONTDOOR_MODE="production", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_pages_with_personal_data_are_not_stored_and_carry_a_csp(signed_in, administrator, officer):
    response = signed_in(administrator).get(
        reverse("agencies:practitioner_detail", args=[officer.pk])
    )
    assert "no-store" in response["Cache-Control"]
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_sign_in_page_is_not_stored_either(client):
    response = client.get(reverse("signin"))
    assert "no-store" in response["Cache-Control"]
    assert "Content-Security-Policy" in response


def test_a_lockout_limit_above_ten_is_refused():
    result = run_manage("check", AXES_FAILURE_LIMIT="11")
    assert result.returncode != 0
    assert "frontdoor.E002" in result.stdout + result.stderr


def test_collectstatic_works_in_production_mode(tmp_path):
    result = run_manage(
        "collectstatic",
        "--noinput",
        FRONTDOOR_MODE="production",
        ALLOWED_HOSTS="frontdoor.example",
        SECRET_KEY="k" * 64 + "-production-test-secret-value",
        STATIC_ROOT=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
