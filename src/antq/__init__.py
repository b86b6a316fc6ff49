"""
antq: the shared rules of the movement "Toàn dân bảo vệ an ninh Tổ quốc".
"""

from antq._version import __version__
from antq.campaigns import Campaign, CampaignKind, MobilisationSession
from antq.dataset import MovementDataset
from antq.errors import (
    AntqError,
    DatasetLoadError,
    InvalidValueError,
    LoadProblem,
    RegistryError,
    RegistryProblem,
    UnknownUnitError,
)
from antq.groups import ModelGroup, ModelGroupKind
from antq.periods import Period
from antq.reintegration import ReintegrationCase, ReintegrationCategory
from antq.tips import (
    ExtensionGrantor,
    Informant,
    TipAssessment,
    TipChannel,
    TipDecision,
    TipExtension,
    TipLegalKind,
    TipRecord,
)
from antq.units import (
    EnterpriseSize,
    Organisation,
    OrganisationKind,
    SchoolLevel,
    Unit,
    UnitKind,
    UnitLevel,
    UnitRegistry,
)

__all__ = [
    "AntqError",
    "Campaign",
    "CampaignKind",
    "DatasetLoadError",
    "EnterpriseSize",
    "ExtensionGrantor",
    "Informant",
    "InvalidValueError",
    "LoadProblem",
    "MobilisationSession",
    "ModelGroup",
    "ModelGroupKind",
    "MovementDataset",
    "Organisation",
    "OrganisationKind",
    "Period",
    "RegistryError",
    "RegistryProblem",
    "ReintegrationCase",
    "ReintegrationCategory",
    "SchoolLevel",
    "TipAssessment",
    "TipChannel",
    "TipDecision",
    "TipExtension",
    "TipLegalKind",
    "TipRecord",
    "Unit",
    "UnitKind",
    "UnitLevel",
    "UnitRegistry",
    "UnknownUnitError",
    "__version__",
]
