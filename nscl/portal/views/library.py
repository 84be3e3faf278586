"""Pages of the library: public documents, questions and answers, static pages; and the workspace
where officers and editors keep documents, answer questions and edit pages."""

from functools import cached_property

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, ListView, TemplateView

from nscl.core.permissions import PUBLIC, AccessRequiredMixin
from nscl.portal import selectors_library as selectors
from nscl.portal import spam
from nscl.portal.forms_library import (
    AnswerForm,
    DocumentFilterForm,
    DocumentForm,
    PageForm,
    QuestionAskForm,
    QuestionQueueFilterForm,
    QuestionSearchForm,
)
from nscl.portal.permissions import MANAGE_LIBRARY
from nscl.portal.services import library as services
from nscl.portal.views.caching import PublicCacheMixin

PAGE_SIZE = 20


def add_service_errors(form, error: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names (or above the form)."""
    problems = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
    for name, texts in problems.items():
        for text in texts:
            form.add_error(name if name in form.fields else None, text)


def _found(getter, **kwargs):
    try:
        return getter(**kwargs)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc


# -- public: documents ----------------------------------------------------------------------------
class DocumentListView(PublicCacheMixin, AccessRequiredMixin, ListView):
    """Published documents, searchable (accent-insensitive) and filtered by type, issuer and year."""

    access = PUBLIC
    template_name = "portal/library/document_list.html"
    context_object_name = "documents"
    paginate_by = PAGE_SIZE

    @cached_property
    def filter_form(self) -> DocumentFilterForm:
        return DocumentFilterForm(
            self.request.GET or None, issuers=selectors.document_issuers(), years=selectors.document_years()
        )

    def get_queryset(self):
        return selectors.document_list(filters=self.filter_form.filters())

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class DocumentDetailView(PublicCacheMixin, AccessRequiredMixin, TemplateView):
    access = PUBLIC
    template_name = "portal/library/document_detail.html"

    def get_context_data(self, **kwargs):
        document = _found(selectors.document_public_get, slug=self.kwargs["slug"])
        return super().get_context_data(document=document, **kwargs)


class DocumentDownloadView(AccessRequiredMixin, View):
    """The file of a published document, saved under a readable name."""

    access = PUBLIC

    def get(self, request, slug):
        document = _found(selectors.document_public_get, slug=slug)
        if not document.file:
            raise Http404
        try:
            handle = document.file.open("rb")
        except FileNotFoundError as exc:
            raise Http404 from exc
        name = document.file.name.rsplit("/", 1)[-1]
        return FileResponse(handle, as_attachment=True, filename=name)


# -- public: questions and answers ----------------------------------------------------------------
class QuestionListView(AccessRequiredMixin, ListView):
    """Published questions with their answers, searchable; the form to ask one below."""

    access = PUBLIC
    template_name = "portal/library/question_list.html"
    context_object_name = "questions"
    paginate_by = PAGE_SIZE

    @cached_property
    def search_form(self) -> QuestionSearchForm:
        return QuestionSearchForm(self.request.GET or None)

    def get_queryset(self):
        q = self.search_form.cleaned_data["q"] if self.search_form.is_valid() else ""
        return selectors.question_public_list(q=q)

    def get_context_data(self, **kwargs):
        return super().get_context_data(search_form=self.search_form, form=QuestionAskForm(), **kwargs)


class QuestionAskView(AccessRequiredMixin, FormView):
    """Anyone asks. A filled honeypot is thanked and dropped; a bad or hasty token and a sender over
    the hourly limit get a message above the form."""

    access = PUBLIC
    form_class = QuestionAskForm
    template_name = "portal/library/question_ask.html"

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_bot:
            return redirect("portal:question_thanks")
        if not form.is_valid():
            return self.form_invalid(form)
        key = spam.client_key(request)
        if spam.rate_exceeded(key):
            form.add_error(None, spam.ERROR_RATE)
            return self.form_invalid(form)
        try:
            services.question_ask(**form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        spam.rate_count(key)
        return redirect("portal:question_thanks")

    def form_invalid(self, form):
        # A fresh token, so that a person who corrects the form is not refused for the old one.
        form.data = form.data.copy()
        form.data[spam.TOKEN_FIELD] = spam.token_issue()
        return super().form_invalid(form)


class QuestionThanksView(AccessRequiredMixin, TemplateView):
    access = PUBLIC
    template_name = "portal/library/question_thanks.html"


class QuestionDetailView(PublicCacheMixin, AccessRequiredMixin, TemplateView):
    access = PUBLIC
    template_name = "portal/library/question_detail.html"

    def get_context_data(self, **kwargs):
        question = _found(selectors.question_public_get, slug=self.kwargs["slug"])
        return super().get_context_data(question=question, **kwargs)


# -- public: static pages -------------------------------------------------------------------------
class PageDetailView(PublicCacheMixin, AccessRequiredMixin, TemplateView):
    """A static page, in English when the language is English and the page has a translation."""

    access = PUBLIC
    template_name = "portal/library/page_detail.html"

    def get_context_data(self, **kwargs):
        page = _found(selectors.page_get, slug=self.kwargs["slug"])
        english = get_language() == "en" and page.title_en and page.body_en
        return super().get_context_data(
            page=page,
            title=page.title_en if english else page.title,
            body=page.body_en if english else page.body,
            **kwargs,
        )


# -- workspace: documents -------------------------------------------------------------------------
class DocumentManageListView(AccessRequiredMixin, ListView):
    access = MANAGE_LIBRARY
    template_name = "portal/library/document_manage.html"
    context_object_name = "documents"
    paginate_by = PAGE_SIZE

    @cached_property
    def search_form(self) -> QuestionSearchForm:
        return QuestionSearchForm(self.request.GET or None)

    def get_queryset(self):
        q = self.search_form.cleaned_data["q"] if self.search_form.is_valid() else ""
        return selectors.document_list(filters={"q": q}, published_only=False).select_related("created_by")

    def get_context_data(self, **kwargs):
        return super().get_context_data(search_form=self.search_form, **kwargs)


class DocumentCreateView(AccessRequiredMixin, FormView):
    access = MANAGE_LIBRARY
    form_class = DocumentForm
    template_name = "portal/library/document_form.html"
    document = None

    def form_valid(self, form):
        try:
            document = self.save(form)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu văn bản “%(number)s”.") % {"number": document.number})
        return redirect("portal:document_update", pk=document.pk)

    def save(self, form):
        return services.document_create(by=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs):
        return super().get_context_data(document=self.document, **kwargs)


class DocumentUpdateView(DocumentCreateView):
    """Edit a document; its page in the workspace also shows the change history."""

    @cached_property
    def document(self):
        return _found(selectors.document_get, pk=self.kwargs["pk"])

    def get_initial(self):
        return DocumentForm.initial_for(self.document)

    def save(self, form):
        return services.document_update(document=self.document, by=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs):
        return super().get_context_data(history=selectors.document_history(document=self.document), **kwargs)


class DocumentPublishView(AccessRequiredMixin, View):
    """POST ``published=1`` shows the document to the public, ``published=0`` withdraws it."""

    access = MANAGE_LIBRARY
    http_method_names = ["post"]

    def post(self, request, pk):
        document = _found(selectors.document_get, pk=pk)
        published = request.POST.get("published") == "1"
        services.document_set_published(document=document, by=request.user, published=published)
        text = _("Đã công khai văn bản.") if published else _("Đã gỡ văn bản khỏi trang công khai.")
        messages.success(request, text)
        return redirect("portal:document_update", pk=document.pk)


# -- workspace: questions -------------------------------------------------------------------------
class QuestionQueueView(AccessRequiredMixin, ListView):
    """Every question, the new ones (waiting longest) first."""

    access = MANAGE_LIBRARY
    template_name = "portal/library/question_queue.html"
    context_object_name = "questions"
    paginate_by = PAGE_SIZE

    @cached_property
    def filter_form(self) -> QuestionQueueFilterForm:
        return QuestionQueueFilterForm(self.request.GET or None)

    def get_queryset(self):
        data = self.filter_form.cleaned_data if self.filter_form.is_valid() else {}
        return selectors.question_queue(status=data.get("status") or "", q=data.get("q") or "")

    def get_context_data(self, **kwargs):
        return super().get_context_data(filter_form=self.filter_form, **kwargs)


class QuestionReviewView(AccessRequiredMixin, FormView):
    """One question with the answer form: save the answer, publish, answer by e-mail only, or reject."""

    access = MANAGE_LIBRARY
    form_class = AnswerForm
    template_name = "portal/library/question_review.html"
    done = {
        AnswerForm.SAVE: _("Đã lưu câu trả lời."),
        AnswerForm.PUBLISH: _("Đã đăng câu hỏi và câu trả lời."),
        AnswerForm.PRIVATE: _("Đã gửi câu trả lời qua thư điện tử cho người hỏi."),
        AnswerForm.REJECT: _("Câu hỏi sẽ không được đăng."),
    }

    @cached_property
    def question(self):
        return _found(selectors.question_get, pk=self.kwargs["pk"])

    def get_initial(self):
        return {"answer": self.question.answer}

    def perform(self, action: str, answer: str):
        by, question = self.request.user, self.question
        if action == AnswerForm.PUBLISH:
            return services.question_publish(question=question, by=by, answer=answer)
        if action == AnswerForm.PRIVATE:
            return services.question_answer_privately(question=question, by=by, answer=answer)
        if action == AnswerForm.REJECT:
            return services.question_reject(question=question, by=by)
        return services.question_answer(question=question, by=by, answer=answer)

    def form_valid(self, form):
        action = form.cleaned_data["action"]
        try:
            self.perform(action, form.cleaned_data["answer"])
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, self.done[action])
        return redirect("portal:question_review", pk=self.question.pk)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            question=self.question, history=selectors.question_history(question=self.question), **kwargs
        )


# -- workspace: pages -----------------------------------------------------------------------------
class PageManageListView(AccessRequiredMixin, ListView):
    access = MANAGE_LIBRARY
    template_name = "portal/library/page_manage.html"
    context_object_name = "pages"

    def get_queryset(self):
        return selectors.page_list()


class PageUpdateView(AccessRequiredMixin, FormView):
    access = MANAGE_LIBRARY
    form_class = PageForm
    template_name = "portal/library/page_form.html"

    @cached_property
    def page(self):
        return _found(selectors.page_get, slug=self.kwargs["slug"])

    def get_initial(self):
        return PageForm.initial_for(self.page)

    def form_valid(self, form):
        try:
            page = services.page_update(page=self.page, by=self.request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Đã lưu trang “%(title)s”.") % {"title": page.title})
        return redirect(reverse("portal:page_update", args=[page.slug]))

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, history=selectors.page_history(page=self.page), **kwargs)
