"""Writes to key products and model enterprises."""

from django.core.exceptions import ValidationError
from django.db import transaction

from nscl.enterprises import constants
from nscl.enterprises.models import Enterprise, KeyProduct, ModelEnterprise, Replication


@transaction.atomic
def key_product_save(
    *,
    product: KeyProduct | None = None,
    slug: str,
    name_vi: str,
    name_en: str = "",
    description: str = "",
    area: str = "",
    order: int = 0,
    producers: list[Enterprise] | None = None,
) -> KeyProduct:
    """Create a key product (or change ``product``); ``producers`` replaces the producer list when given."""
    if KeyProduct.objects.filter(slug=slug).exclude(pk=product.pk if product else None).exists():
        raise ValidationError({"slug": constants.ERROR_SLUG_TAKEN})
    product = product or KeyProduct()
    product.slug = slug
    product.name_vi, product.name_en, product.description, product.area, product.order = (
        name_vi,
        name_en,
        description,
        area,
        order,
    )
    product.full_clean()
    product.save()
    if producers is not None:
        product.producers.set(producers)
    return product


@transaction.atomic
def model_enterprise_save(
    *,
    record: ModelEnterprise | None = None,
    enterprise: Enterprise,
    recognition_year: int,
    applied: str,
    results: str,
    is_public: bool = True,
) -> ModelEnterprise:
    """Record an enterprise's recognition as a model enterprise (or change ``record``)."""
    if not 1990 <= recognition_year <= 2100:
        raise ValidationError({"recognition_year": constants.ERROR_YEAR_RANGE})
    taken = ModelEnterprise.objects.filter(enterprise=enterprise).exclude(pk=record.pk if record else None)
    if taken.exists():
        raise ValidationError({"enterprise": constants.ERROR_MODEL_EXISTS})
    record = record or ModelEnterprise()
    record.enterprise = enterprise
    record.recognition_year, record.applied, record.results, record.is_public = (
        recognition_year,
        applied,
        results,
        is_public,
    )
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def replication_add(*, model: ModelEnterprise, enterprise: Enterprise, year: int, note: str = "") -> Replication:
    """An enterprise replicated the model's practice (idempotent per pair: a repeat updates year and note)."""
    if enterprise.pk == model.enterprise_id:
        raise ValidationError({"enterprise": constants.ERROR_REPLICATION_SELF})
    if not 1990 <= year <= 2100:
        raise ValidationError({"year": constants.ERROR_YEAR_RANGE})
    replication = Replication.objects.filter(model=model, enterprise=enterprise).first()
    replication = replication or Replication(model=model, enterprise=enterprise)
    replication.year, replication.note = year, note
    replication.full_clean()
    replication.save()
    return replication
