"""The writers' and editors' workspace for articles: the filtered list, the form with a preview of
the cleaned body, the review buttons by role, versions with restore, and the image library."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from nscl.core.permissions import AccessRequiredMixin
from nscl.portal import images, permissions, selectors
from nscl.portal.forms import (
    ArticleFilterForm,
    ArticleForm,
    ArticleImageForm,
    ArticleRestoreForm,
    ArticleTransitionForm,
)
from nscl.portal.models import Article
from nscl.portal.services import articles as services
from nscl.portal.text import clean_html
from nscl.portal.views.articles import refusal_text

WORKSPACE_PAGE_SIZE = 25


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
