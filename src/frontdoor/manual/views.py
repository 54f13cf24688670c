"""The joint working manual's pages: parse, call a service or a read, render.

Reading is open to every signed-in practitioner and is not audited (the manual holds practice
wisdom, not personal data); writes go through ``services``, which audit them.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from frontdoor.core.errors import ConflictError
from frontdoor.core.permissions import permission

from . import access, services
from .diff import compare
from .forms import ArticleEditForm, ArticleForm, FeedbackForm, LookAfterForm
from .models import Article, ArticleVersion, Topic
from .rendering import render_markdown
from .search import search_articles

RECENT = 10
PER_PAGE = 50
SEARCH_LIMIT = 20


@permission(access.READ)
def index(request):
    articles = Article.objects.for_lists()
    return render(
        request,
        "manual/index.html",
        {
            "topics": Topic.objects.annotate(size=Count("articles")).filter(size__gt=0),
            "recent": articles.order_by("-updated_at", "pk")[:RECENT],
            "article_count": Article.objects.count(),
            "out_of_date_count": Article.objects.due_for_review().count(),
            "can_write": access.may(request.user, access.WRITE),
        },
    )


@permission(access.READ)
def search(request):
    query = request.GET.get("q", "")[:200]
    hits = search_articles(query, limit=SEARCH_LIMIT) if query.strip() else []
    return render(
        request,
        "manual/search.html",
        {"query": query, "hits": hits, "limit": SEARCH_LIMIT, "searched": bool(query.strip())},
    )


@permission(access.READ)
def topic(request, slug):
    chosen = get_object_or_404(Topic, slug=slug)
    page = Paginator(chosen.articles.for_lists().order_by("title"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "manual/topic.html", {"topic": chosen, "page": page})


@permission(access.READ)
def out_of_date(request):
    articles = Article.objects.for_lists().due_for_review().order_by("review_by", "title")
    page = Paginator(articles, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "manual/out_of_date.html", {"page": page})


@permission(access.READ)
def article(request, slug):
    try:
        found = access.article_for_reading(request.user, slug)
    except Http404:
        # A link to an article that was renamed or not yet written: offer a search instead.
        return render(
            request, "manual/article_missing.html", {"query": slug.replace("-", " ")}, status=404
        )
    return _article_page(request, found, FeedbackForm())


def _article_page(request, found: Article, feedback_form: FeedbackForm, *, status: int = 200):
    user = request.user
    looks_after = access.may(user, access.LOOK_AFTER, found)
    authors = (
        ArticleVersion.objects.filter(article=found)
        .values(
            "author__first_name", "author__last_name", "author__username", "author__agency__name"
        )
        .distinct()
    )
    return render(
        request,
        "manual/article.html",
        {
            "article": found,
            "body_html": render_markdown(found.body),
            "authors": [
                {
                    "name": f"{a['author__first_name']} {a['author__last_name']}".strip()
                    or a["author__username"],
                    "agency": a["author__agency__name"] or "",
                }
                for a in authors
            ],
            "feedback_form": feedback_form,
            "form": feedback_form,  # for the error summary and the page title
            "can_edit": access.may(user, access.WRITE, found),
            "looks_after": looks_after,
            "feedback": found.feedback.select_related("given_by", "given_by__agency")[:50]
            if looks_after
            else [],
            "feedback_counts": _feedback_counts(found) if looks_after else None,
        },
        status=status,
    )


def _feedback_counts(found: Article) -> dict[str, int]:
    return found.feedback.aggregate(
        helpful_count=Count("pk", filter=Q(helpful=True)),
        unhelpful_count=Count("pk", filter=Q(helpful=False)),
    )


@require_POST
@permission(access.GIVE_FEEDBACK)
def feedback(request, slug):
    found = access.article_for_reading(request.user, slug)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        return _article_page(request, found, form, status=422)
    services.feedback_give(
        article=found,
        by=request.user,
        helpful=form.cleaned_data["helpful"],
        comment=form.cleaned_data["comment"],
    )
    messages.success(request, "Thank you. Your feedback has been sent to the article's owner.")
    return redirect("manual:article", slug=found.slug)


@permission(access.WRITE)
def article_create(request):
    form = ArticleForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = services.article_create(
            by=request.user,
            title=data["title"],
            body=data["body"],
            topics=data["topics"],
            agencies=data["agencies"],
        )
        messages.success(request, f"Your article “{created.title}” has been published.")
        return redirect("manual:article", slug=created.slug)
    return render(
        request, "manual/article_form.html", {"form": form}, status=422 if form.errors else 200
    )


@permission(access.WRITE)
def article_edit(request, slug):
    found = access.article_for_editing(request.user, slug)
    status = 200
    base_version = found.version
    if request.method == "POST":
        form = ArticleEditForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            base_version = data["version"]
            try:
                version = services.article_edit(
                    article=found,
                    by=request.user,
                    base_version=base_version,
                    title=data["title"],
                    body=data["body"],
                    summary=data["summary"],
                    topics=data["topics"],
                    agencies=data["agencies"],
                )
            except ConflictError as conflict:
                form.add_error(None, str(conflict))
                status = 409
            except ValidationError as unchanged:
                form.add_error(None, unchanged.messages[0])
                status = 422
            else:
                messages.success(request, f"Version {version.number} has been saved.")
                return redirect("manual:article", slug=found.slug)
        else:
            status = 422
    else:
        form = ArticleEditForm(
            initial={
                "title": found.title,
                "body": found.body,
                "topics": list(found.topics.all()),
                "agencies": list(found.agencies.all()),
                "version": found.version,
            }
        )
    return render(
        request,
        "manual/article_form.html",
        {
            "form": form,
            "article": found,
            "conflict": status == 409,
            "base_version": base_version,
        },
        status=status,
    )


@permission(access.READ)
def history(request, slug):
    found = access.article_for_reading(request.user, slug)
    versions = found.versions.select_related("author", "author__agency").order_by("-number")
    page = Paginator(versions, PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "manual/history.html", {"article": found, "page": page})


@permission(access.READ)
def version(request, slug, number):
    found = access.article_for_reading(request.user, slug)
    shown = get_object_or_404(
        found.versions.select_related("author", "author__agency"), number=number
    )
    return render(
        request,
        "manual/version.html",
        {"article": found, "shown": shown, "body_html": render_markdown(shown.body)},
    )


def _version_number(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


@permission(access.READ)
def compare_versions(request, slug):
    found = access.article_for_reading(request.user, slug)
    newer = _version_number(request.GET.get("to"), found.version)
    older = _version_number(request.GET.get("from"), max(newer - 1, 1))
    if older > newer:
        older, newer = newer, older
    before = get_object_or_404(found.versions.select_related("author"), number=older)
    after = get_object_or_404(found.versions.select_related("author"), number=newer)
    return render(
        request,
        "manual/compare.html",
        {
            "article": found,
            "before": before,
            "after": after,
            "difference": compare(before.title, before.body, after.title, after.body),
            "numbers": list(found.versions.order_by("-number").values_list("number", flat=True)),
        },
    )


@permission(access.LOOK_AFTER)
def look_after(request, slug):
    found = access.article_for_looking_after(request.user, slug)
    if request.method == "POST":
        form = LookAfterForm(request.POST)
        if form.is_valid():
            services.article_look_after(
                article=found,
                by=request.user,
                owner=form.cleaned_data["owner"],
                review_by=form.cleaned_data["review_by"],
            )
            messages.success(request, "The owner and review date have been saved.")
            return redirect("manual:article", slug=found.slug)
    else:
        form = LookAfterForm(initial=LookAfterForm.initial_for(found))
    return render(
        request,
        "manual/look_after.html",
        {"article": found, "form": form},
        status=422 if form.errors else 200,
    )
