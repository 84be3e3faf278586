"""Forms of the articles' workspace: their shape only; the rules live in ``services.articles``
(the documents, questions and pages have theirs in ``forms_library``)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from nscl.portal.choices import ArticleStatus
from nscl.portal.models import Article, ArticleImage, EventTag, Topic

ARTICLE_FIELDS = (
    "title", "summary", "body", "topic", "tags", "byline", "lead_image", "is_lead", "title_en", "summary_en", "body_en",
)  # fmt: skip


class ArticleForm(forms.Form):
    """The article's text and its placement. Built from the model's fields, so labels stay in one place."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ARTICLE_FIELDS:
            self.fields[name] = Article._meta.get_field(name).formfield()
        self.fields["topic"].queryset = Topic.objects.filter(is_active=True)
        self.fields["tags"].queryset = EventTag.objects.all()
        self.fields["tags"].required = False
        self.fields["lead_image"].queryset = ArticleImage.objects.all()
        self.fields["lead_image"].label_from_instance = lambda image: image.alt_text
        for name in ("body", "body_en"):
            self.fields[name].widget = forms.Textarea(attrs={"rows": 16})
            self.fields[name].help_text = _(
                "HTML: đoạn văn, tiêu đề h2–h4, đậm, nghiêng, liên kết, danh sách, bảng, ảnh. "
                "Mọi thẻ khác (script, style, iframe...) bị loại bỏ khi lưu."
            )
        for name in ("summary", "summary_en"):
            self.fields[name].widget = forms.Textarea(attrs={"rows": 3})
        self.fields["reason"] = forms.CharField(
            label=_("Ghi chú phiên bản"), required=False, max_length=100,
            help_text=_("Sửa gì, vì sao (lưu cùng phiên bản này)."),
        )  # fmt: skip

    @classmethod
    def initial_for(cls, article: Article) -> dict:
        initial = {name: getattr(article, name) for name in ARTICLE_FIELDS if name != "tags"}
        initial["tags"] = list(article.tags.all())
        return initial


class ArticleFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Trạng thái"), required=False, choices=[("", _("Tất cả"))] + list(ArticleStatus.choices)
    )
    q = forms.CharField(label=_("Tìm theo tiêu đề, nội dung"), required=False, max_length=200)


class ArticleTransitionForm(forms.Form):
    """One button of the review life cycle, with the editor's comment and the publication time."""

    action = forms.ChoiceField(choices=[(verb, verb) for verb in ("submit", "return_to_draft", "publish", "archive")])
    reason = forms.CharField(
        label=_("Nhận xét"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
    published_at = forms.DateTimeField(
        label=_("Thời điểm đăng"), required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d/%m/%Y %H:%M"],
        help_text=_("Để trống để đăng ngay; chọn một thời điểm sau này để hẹn giờ đăng."),
    )  # fmt: skip


class ArticleRestoreForm(forms.Form):
    history_id = forms.IntegerField(widget=forms.HiddenInput)


class ArticleImageForm(forms.Form):
    """An image upload: the service checks the content (type, size), not the name."""

    file = forms.FileField(label=_("Tệp ảnh"), help_text=_("JPEG, PNG hoặc WebP, tối đa 8 MB."))
    alt_text = forms.CharField(
        label=_("Mô tả ảnh (alt)"), max_length=300,
        help_text=_("Mô tả nội dung ảnh cho người không xem được ảnh."),
    )  # fmt: skip
    caption = forms.CharField(label=_("Chú thích"), max_length=300, required=False)
    credit = forms.CharField(label=_("Nguồn ảnh"), max_length=200, required=False)
