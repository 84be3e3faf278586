"""Models of the enterprise registry, split by topic."""

from nscl.enterprises.models.certifications import Certification, CertificationQuerySet
from nscl.enterprises.models.photos import ModelEnterprisePhoto
from nscl.enterprises.models.registry import (
    Enterprise,
    EnterpriseQuerySet,
    EnterpriseYear,
    SectorGroupSection,
    SizeThreshold,
)
from nscl.enterprises.models.representatives import EnterpriseRepresentative
from nscl.enterprises.models.showcase import KeyProduct, ModelEnterprise, Replication

__all__ = [
    "Certification",
    "CertificationQuerySet",
    "Enterprise",
    "EnterpriseQuerySet",
    "EnterpriseRepresentative",
    "EnterpriseYear",
    "KeyProduct",
    "ModelEnterprise",
    "ModelEnterprisePhoto",
    "Replication",
    "SectorGroupSection",
    "SizeThreshold",
]
