"""Every write of the enterprise registry, by topic."""

from nscl.enterprises.services.certifications import certification_save
from nscl.enterprises.services.claims import (
    claim_confirm,
    claim_create,
    claim_reject,
    enterprise_register,
    user_sign_up,
)
from nscl.enterprises.services.enterprises import (
    PROFILE_FIELDS,
    enterprise_create,
    enterprise_size_refresh,
    enterprise_update,
    enterprise_year_save,
)
from nscl.enterprises.services.photos import model_enterprise_photo_add, model_enterprise_photo_delete
from nscl.enterprises.services.showcase import key_product_save, model_enterprise_save, replication_add

__all__ = [
    "PROFILE_FIELDS",
    "certification_save",
    "claim_confirm",
    "claim_create",
    "claim_reject",
    "enterprise_create",
    "enterprise_register",
    "enterprise_size_refresh",
    "enterprise_update",
    "enterprise_year_save",
    "key_product_save",
    "model_enterprise_photo_add",
    "model_enterprise_photo_delete",
    "model_enterprise_save",
    "replication_add",
    "user_sign_up",
]
