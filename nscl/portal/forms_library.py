"""Input shapes of the library: the documents filter and form, the question form (with its spam
guard fields), the answer form, the page form. Rules that need other rows live in the services."""

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from nscl.portal import spam
from nscl.portal.choices import DocumentType, QuestionStatus
from nscl.portal.models import Document, Page, Question, Topic

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
QUESTION_TITLE_MIN, QUESTION_BODY_MIN = 10, 20
DOCUMENT_FIELDS = (
    "number",
    "title",
    "doc_type",
    "issuer",
    "issued_on",
    "effective_on",
    "summary",
    "topic",
    "is_published",
)
PAGE_FIELDS = ("title", "body", "title_en", "body_en", "sort_order", "in_footer")
HTML_HELP = _("Có thể dùng HTML cơ bản (đoạn, tiêu đề, danh sách, liên kết, bảng); thẻ khác bị loại bỏ khi lưu.")


def _field(model, name: str):
    """The model field's verbose name, capitalised and still lazy (translated when shown)."""
    return capfirst(model._meta.get_field(name).verbose_name)


class DocumentFilterForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    doc_type = forms.ChoiceField(label=_("Loại văn bản"), required=False)
    issuer = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False)
    year = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, issuers=(), years=(), **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("Tất cả"))]
        self.fields["doc_type"].choices = everything + list(DocumentType.choices)
        self.fields["issuer"].choices = everything + [(i, i) for i in issuers]
        self.fields["year"].choices = everything + [(y, y) for y in years]

    def filters(self) -> dict:
        """The valid filters; a bad value (an unknown year in a hand-edited URL) is left out, not the rest."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}


class DocumentForm(forms.Form):
    number = forms.CharField(label=_field(Document, "number"), max_length=80, help_text=_("Ví dụ: 121/KH-UBND."))
    title = forms.CharField(label=_field(Document, "title"), max_length=400)
    doc_type = forms.ChoiceField(label=_field(Document, "doc_type"), choices=DocumentType.choices)
    issuer = forms.CharField(label=_field(Document, "issuer"), max_length=200)
    issued_on = forms.DateField(label=_field(Document, "issued_on"), widget=DATE)
    effective_on = forms.DateField(label=_field(Document, "effective_on"), widget=DATE, required=False)
    summary = forms.CharField(
        label=_field(Document, "summary"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    topic = forms.ModelChoiceField(label=_field(Document, "topic"), queryset=Topic.objects.all(), required=False)
    file = forms.FileField(
        label=_field(Document, "file"),
        required=False,
        help_text=_("PDF, DOCX, XLSX, ODT, JPG hoặc PNG; tối đa 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.docx,.xlsx,.odt,.jpg,.jpeg,.png"}),
    )
    is_published = forms.BooleanField(label=_field(Document, "is_published"), required=False, initial=True)

    @staticmethod
    def initial_for(document: Document) -> dict:
        return {name: getattr(document, name) for name in DOCUMENT_FIELDS}


class QuestionAskForm(forms.Form):
    asker_name = forms.CharField(label=_field(Question, "asker_name"), max_length=120)
    asker_email = forms.EmailField(
        label=_field(Question, "asker_email"), help_text=_("Không công khai; để gửi câu trả lời.")
    )
    asker_organisation = forms.CharField(label=_field(Question, "asker_organisation"), max_length=200, required=False)
    topic = forms.ModelChoiceField(
        label=_field(Question, "topic"), queryset=Topic.objects.filter(is_active=True), required=False
    )
    title = forms.CharField(label=_field(Question, "title"), min_length=QUESTION_TITLE_MIN, max_length=250)
    body = forms.CharField(
        label=_field(Question, "body"),
        min_length=QUESTION_BODY_MIN,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": 4000}),
        help_text=_("Từ 20 đến 4.000 ký tự. Câu hỏi được công khai cùng câu trả lời, không kèm thư điện tử."),
    )
    # The spam guard: rendered by the template outside the normal field loop.
    website = forms.CharField(required=False, label=_("Để trống ô này"))
    form_token = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial[spam.TOKEN_FIELD] = spam.token_issue()

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != spam.HONEYPOT_FIELD]

    @property
    def is_bot(self) -> bool:
        """The honeypot was filled in: the view pretends all went well and stores nothing."""
        return bool(self.data.get(spam.HONEYPOT_FIELD, "").strip())

    def clean(self):
        data = super().clean()
        problem = spam.token_problem(self.data.get(spam.TOKEN_FIELD, ""))
        if problem:
            raise forms.ValidationError(problem)
        return data

    def service_arguments(self) -> dict:
        names = ["asker_name", "asker_email", "asker_organisation", "topic", "title", "body"]
        return {name: self.cleaned_data[name] for name in names}


class QuestionSearchForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)


class QuestionQueueFilterForm(forms.Form):
    q = forms.CharField(label=_("Từ khóa"), required=False, max_length=200)
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả")), *QuestionStatus.choices]
    )


class AnswerForm(forms.Form):
    SAVE, PUBLISH, PRIVATE, REJECT = "save", "publish", "private", "reject"

    answer = forms.CharField(
        label=_("Trả lời"), required=False, widget=forms.Textarea(attrs={"rows": 10}), help_text=HTML_HELP
    )
    action = forms.ChoiceField(choices=[(a, a) for a in (SAVE, PUBLISH, PRIVATE, REJECT)], widget=forms.HiddenInput)


class PageForm(forms.Form):
    title = forms.CharField(label=_field(Page, "title"), max_length=200)
    body = forms.CharField(label=_field(Page, "body"), widget=forms.Textarea(attrs={"rows": 14}), help_text=HTML_HELP)
    title_en = forms.CharField(label=_field(Page, "title_en"), max_length=200, required=False)
    body_en = forms.CharField(label=_field(Page, "body_en"), widget=forms.Textarea(attrs={"rows": 8}), required=False)
    sort_order = forms.IntegerField(label=_field(Page, "sort_order"), min_value=0, max_value=32767, initial=0)
    in_footer = forms.BooleanField(label=_field(Page, "in_footer"), required=False)

    @staticmethod
    def initial_for(page: Page) -> dict:
        return {name: getattr(page, name) for name in PAGE_FIELDS}
