"""Photos of model enterprises: officers add them (checked by content, EXIF removed, resized) and remove them."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from nscl.accounts.models import User
from nscl.core import images
from nscl.enterprises import permissions
from nscl.enterprises.models import ModelEnterprise, ModelEnterprisePhoto

ERROR_NOT_ALLOWED = _("Chỉ cán bộ quản lý mới được thêm hoặc xóa ảnh doanh nghiệp điển hình.")
ERROR_ALT_REQUIRED = images.ERROR_ALT_REQUIRED
ERROR_TYPE = images.ERROR_TYPE


def _check_allowed(user: User | None) -> None:
    if not permissions.can_manage(user):
        raise PermissionDenied(ERROR_NOT_ALLOWED)


@transaction.atomic
def model_enterprise_photo_add(
    *, by: User, model_enterprise: ModelEnterprise, file, alt_text: str, caption: str = ""
) -> ModelEnterprisePhoto:
    """A photo of ``model_enterprise``, placed last: ValidationError on ``file`` or ``alt_text`` when refused."""
    _check_allowed(by)
    alt_text = (alt_text or "").strip()
    if not alt_text:
        raise ValidationError({"alt_text": ERROR_ALT_REQUIRED})
    last = model_enterprise.photos.aggregate(last=Max("sort_order"))["last"]
    photo = ModelEnterprisePhoto(
        model_enterprise=model_enterprise,
        alt_text=alt_text,
        caption=(caption or "").strip(),
        sort_order=0 if last is None else last + 1,
        uploaded_by=by,
    )
    photo.full_clean(exclude=["file"])  # before anything is stored
    prepared = images.prepare(file)
    photo.file.save(prepared.name, prepared.content, save=False)
    photo.renditions = images.make_renditions(photo.file.name, prepared)
    photo.full_clean()
    photo._history_user = by  # noqa: SLF001  (django-simple-history's documented hook)
    photo.save()
    return photo


@transaction.atomic
def model_enterprise_photo_delete(*, by: User, photo: ModelEnterprisePhoto) -> None:
    """Remove a photo; its stored files (original and renditions) go once the deletion is committed."""
    _check_allowed(by)
    names = [photo.file.name, *photo.renditions.values()]
    photo._history_user = by  # noqa: SLF001
    photo.delete()
    transaction.on_commit(lambda: [default_storage.delete(name) for name in names if name])
