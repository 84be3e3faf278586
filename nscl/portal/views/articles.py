"""Pages of the articles: the public news (lists by date, topic, event tag and month; the article
page) and the writers' and editors' workspace (list, form with preview, review buttons, versions,
images). Views are thin: reads through ``selectors``, writes through ``services.articles``."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from nscl.core.permissions import PUBLIC, AccessRequiredMixin
from nscl.portal import images, permissions, selectors
from nscl.portal.choices import ArticleStatus
from nscl.portal.forms import (
    ArticleFilterForm,
    ArticleForm,
    ArticleImageForm,
    ArticleRestoreForm,
    ArticleTransitionForm,
)
from nscl.portal.models import Article, EventTag, Topic
from nscl.portal.services import articles as services
from nscl.portal.text import clean_html
from nscl.portal.views.caching import PublicCacheMixin

PAGE_SIZE = 12
WORKSPACE_PAGE_SIZE = 25


def refusal_text(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error.args[0]) if error.args else ""


def in_english(article: Article) -> bool:
    """English is shown when the page is in English and the article has an English title and body."""
    return get_language() == "en" and bool(article.title_en and article.body_en)


def decorate(articles) -> list[Article]:
    """Attach what list cards show: the title in the page's language and a small picture."""
    english = get_language() == "en"
    shown = []
    for article in articles:
        article.shown_title = article.title_en if english and article.title_en else article.title
        article.shown_summary = article.summary_en if english and article.summary_en else article.summary
        article.thumbnail = images.thumbnail_url(article.lead_image)
        shown.append(article)
    return shown


def is_public(article: Article) -> bool:
    """Whether the public can see it now (writers previewing see a banner when not)."""
    return article.status == ArticleStatus.PUBLISHED and article.published_at <= timezone.now()


def topic_name(topic) -> str:
    if topic is None:
        return ""
    return topic.name_en if get_language() == "en" and topic.name_en else topic.name_vi


# ------------------------------------------------------------------------------------------------
# Public pages
# ------------------------------------------------------------------------------------------------
class ArticleListBase(PublicCacheMixin, AccessRequiredMixin, TemplateView):
    """A paginated public list; subclasses say which articles and the page's heading."""

    access = PUBLIC
    template_name = "portal/articles/article_list.html"

    def articles(self):
        return selectors.article_public_list()

    def heading(self) -> str:
        return str(_("Tin tức"))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = Paginator(self.articles(), PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(
            heading=self.heading(),
            page_obj=page,
            is_paginated=page.has_other_pages(),
            articles=decorate(page.object_list),
            months=selectors.article_month_list()[:24],
            feeds=self.feeds(),
        )
        return context

    def feeds(self) -> tuple[str, str]:
        return reverse("portal:article_feed_rss"), reverse("portal:article_feed_atom")


class ArticleListView(ArticleListBase):
    """All the news, newest first."""


class ArticleTopicView(ArticleListBase):
    """The articles of one topic series (chuyên đề)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.topic = get_object_or_404(Topic, slug=kwargs["slug"], is_active=True)

    def articles(self):
        return selectors.article_public_list(topic=self.topic)

    def heading(self) -> str:
        return str(_("Chuyên đề: %(name)s") % {"name": topic_name(self.topic)})

    def feeds(self) -> tuple[str, str]:
        return (
            reverse("portal:topic_feed_rss", args=[self.topic.slug]),
            reverse("portal:topic_feed_atom", args=[self.topic.slug]),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["description"] = self.topic.description
        return context


class ArticleTagView(ArticleListBase):
    """The articles tagged with one event (sự kiện)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.tag = get_object_or_404(EventTag, slug=kwargs["slug"])

    def articles(self):
        return selectors.article_public_list(tag=self.tag)

    def heading(self) -> str:
        name = self.tag.name_en if get_language() == "en" and self.tag.name_en else self.tag.name_vi
        return str(_("Sự kiện: %(name)s") % {"name": name})


class ArticleMonthView(ArticleListBase):
    """The articles of one month (archive)."""

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.year, self.month = kwargs["year"], kwargs["month"]
        if not (1 <= self.month <= 12 and 2000 <= self.year <= 2100):
            raise Http404

    def articles(self):
        return selectors.article_public_list(year=self.year, month=self.month)

    def heading(self) -> str:
        return str(_("Tin tức tháng %(month)02d/%(year)d") % {"month": self.month, "year": self.year})


class ArticleDetailView(PublicCacheMixin, AccessRequiredMixin, TemplateView):
    """The article page. Unpublished and scheduled articles are a 404 except to writers and editors."""

    access = PUBLIC
    template_name = "portal/articles/article_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = selectors.article_get(slug=kwargs["slug"], user=self.request.user)
        english = in_english(article)
        lead = article.lead_image
        context.update(
            article=article,
            english=english,
            untranslated=get_language() == "en" and not english,
            title=article.title_en if english else article.title,
            summary=(article.summary_en or article.summary) if english else article.summary,
            body=article.body_en if english else article.body,
            topic_label=topic_name(article.topic),
            lead=lead,
            lead_srcset=images.srcset(lead),
            og_image=self.request.build_absolute_uri(images.thumbnail_url(lead, 960)) if lead else "",
            page_url=self.request.build_absolute_uri(article.get_absolute_url()),
            related=decorate(selectors.article_related_list(article=article)),
            is_public=is_public(article),
            can_edit=permissions.can_write(self.request.user),
        )
        return context


# ------------------------------------------------------------------------------------------------
# Workspace
# ------------------------------------------------------------------------------------------------
class ArticleWorkspaceListView(AccessRequiredMixin, TemplateView):
    """Writers and editors: every article, filtered by state and by words."""

    access = permissions.WRITE_ARTICLES
    template_name = "portal/articles/article_workspace_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = ArticleFilterForm(self.request.GET or None)
        data = form.cleaned_data if form.is_valid() else {}
        articles = selectors.article_workspace_list(
            user=self.request.user, status=data.get("status", ""), query=data.get("q", "")
        )
        page = Paginator(articles, WORKSPACE_PAGE_SIZE).get_page(self.request.GET.get("page"))
        context.update(form=form, page_obj=page, is_paginated=page.has_other_pages())
        return context


class ArticleFormMixin(AccessRequiredMixin, FormView):
    """The article form; "Xem trước" shows the body as it will be saved, without saving."""

    access = permissions.WRITE_ARTICLES
    form_class = ArticleForm
    template_name = "portal/articles/article_form.html"
    article: Article | None = None

    def form_valid(self, form):
        data = dict(form.cleaned_data)
        if "preview" in self.request.POST:
            return self.render_to_response(
                self.get_context_data(form=form, preview=clean_html(data["body"]),
                                      preview_en=clean_html(data.get("body_en") or ""))
            )  # fmt: skip
        try:
            article = self.save(data)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
            return self.form_invalid(form)
        except PermissionDenied as error:
            messages.error(self.request, refusal_text(error))
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu tin bài."))
        return redirect("portal:article_workspace_detail", pk=article.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["article"] = self.article
        return context


class ArticleCreateView(ArticleFormMixin):
    def save(self, data: dict) -> Article:
        data.pop("reason", None)
        return services.article_create(by=self.request.user, **data)


class ArticleEditView(ArticleFormMixin):
    """Edit an article: drafts and articles in review for writers; published or archived ones for editors."""

    def get(self, request, *args, **kwargs):
        self.article = self._article(kwargs["pk"])
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.article = self._article(kwargs["pk"])
        return super().post(request, *args, **kwargs)

    def _article(self, pk: int) -> Article:
        article = selectors.article_workspace_get(user=self.request.user, pk=pk)
        if not permissions.can_edit_article(self.request.user, article):
            raise PermissionDenied(services.ERROR_PUBLISHED_LOCKED)
        return article

    def get_initial(self):
        return ArticleForm.initial_for(self.article)

    def save(self, data: dict) -> Article:
        return services.article_update(obj=self.article, by=self.request.user, **data)


class ArticleWorkspaceDetailView(AccessRequiredMixin, TemplateView):
    """One article in the workspace: its state, the buttons this user may press, its versions."""

    access = permissions.WRITE_ARTICLES
    template_name = "portal/articles/article_workspace_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        article = selectors.article_workspace_get(user=user, pk=kwargs["pk"])
        can_review = permissions.can_review(user)
        context.update(
            article=article,
            transitions=permissions.available_transitions(user, article),
            transition_form=ArticleTransitionForm(),
            can_edit=permissions.can_edit_article(user, article),
            can_restore=can_review,
            versions=selectors.article_version_list(article=article),
            history=selectors.article_history(article=article),
        )
        return context


class ArticleTransitionView(AccessRequiredMixin, View):
    """POST: one step of the review life cycle; a refusal becomes a message."""

    access = permissions.WRITE_ARTICLES
    http_method_names = ["post"]
    services_by_verb = {
        "submit": services.article_submit,
        "return_to_draft": services.article_return_to_draft,
        "publish": services.article_publish,
        "archive": services.article_archive,
    }
    done = {
        "submit": _("Đã gửi tin bài để duyệt."),
        "return_to_draft": _("Đã trả lại tin bài cho người viết."),
        "publish": _("Đã đăng tin bài (hoặc hẹn giờ đăng)."),
        "archive": _("Đã lưu trữ tin bài."),
    }

    def post(self, request, pk):
        article = selectors.article_workspace_get(user=request.user, pk=pk)
        form = ArticleTransitionForm(request.POST)
        if not form.is_valid():
            messages.error(request, " ".join(" ".join(e) for e in form.errors.values()))
            return redirect("portal:article_workspace_detail", pk=pk)
        verb = form.cleaned_data["action"]
        extra = {"published_at": form.cleaned_data["published_at"]} if verb == "publish" else {}
        try:
            self.services_by_verb[verb](obj=article, by=request.user, reason=form.cleaned_data["reason"], **extra)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, refusal_text(error))
        else:
            messages.success(request, self.done[verb])
        return redirect("portal:article_workspace_detail", pk=pk)


class ArticleRestoreView(AccessRequiredMixin, View):
    """POST: an editor restores an earlier version (saved as a new one)."""

    access = permissions.REVIEW_ARTICLES
    http_method_names = ["post"]

    def post(self, request, pk):
        article = selectors.article_workspace_get(user=request.user, pk=pk)
        form = ArticleRestoreForm(request.POST)
        if form.is_valid():
            try:
                services.article_restore(obj=article, by=request.user, history_id=form.cleaned_data["history_id"])
            except (ValidationError, PermissionDenied) as error:
                messages.error(request, refusal_text(error))
            else:
                messages.success(request, _("Đã khôi phục phiên bản đã chọn (lưu thành phiên bản mới)."))
        return redirect("portal:article_workspace_detail", pk=pk)


class ArticleImageUploadView(AccessRequiredMixin, FormView):
    """Writers upload pictures (checked, EXIF removed, resized), then pick one as an article's lead."""

    access = permissions.WRITE_ARTICLES
    form_class = ArticleImageForm
    template_name = "portal/articles/image_upload.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        shown = []
        for image in selectors.article_image_list(user=self.request.user):
            image.thumbnail = images.thumbnail_url(image)
            image.srcset_text = images.srcset(image)
            shown.append(image)
        context["images"] = shown
        return context

    def form_valid(self, form):
        try:
            services.article_image_create(by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã tải ảnh lên."))
        return redirect("portal:image_upload")
