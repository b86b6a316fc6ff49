"""
antq: the shared rules of the movement "Toàn dân bảo vệ an ninh Tổ quốc".
"""

from antq._version import __version__
from antq.campaigns import Campaign, CampaignKind, MobilisationSession
from antq.counting import (
    BreakdownRow,
    MappedSummary,
    NotAttributable,
    OverlapCause,
    Summary,
    TallyOverlap,
    breakdown,
    summarize,
)
from antq.dataset import MovementDataset
from antq.editions import Edition, Succession, UnitMatch, UnitTable
from antq.errors import (
    AntqError,
    DatasetLoadError,
    InvalidValueError,
    LoadProblem,
    RegistryError,
    RegistryProblem,
    UnknownEditionError,
    UnknownUnitError,
)
from antq.figures import (
    Figure,
    Language,
    Qualifier,
    format_count,
    format_percent,
    format_ratio,
    period_adverbial,
    period_phrase,
)
from antq.groups import ModelGroup, ModelGroupKind
from antq.periods import Period
from antq.reintegration import ReintegrationCase, ReintegrationCategory
from antq.tallies import DeclaredTally, TallyFigure
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
    "BreakdownRow",
    "Campaign",
    "CampaignKind",
    "DatasetLoadError",
    "DeclaredTally",
    "Edition",
    "EnterpriseSize",
    "ExtensionGrantor",
    "Figure",
    "Informant",
    "InvalidValueError",
    "Language",
    "LoadProblem",
    "MappedSummary",
    "MobilisationSession",
    "ModelGroup",
    "ModelGroupKind",
    "MovementDataset",
    "NotAttributable",
    "Organisation",
    "OrganisationKind",
    "OverlapCause",
    "Period",
    "Qualifier",
    "RegistryError",
    "RegistryProblem",
    "ReintegrationCase",
    "ReintegrationCategory",
    "SchoolLevel",
    "Succession",
    "Summary",
    "TallyFigure",
    "TallyOverlap",
    "TipAssessment",
    "TipChannel",
    "TipDecision",
    "TipExtension",
    "TipLegalKind",
    "TipRecord",
    "Unit",
    "UnitKind",
    "UnitLevel",
    "UnitMatch",
    "UnitRegistry",
    "UnitTable",
    "UnknownEditionError",
    "UnknownUnitError",
    "__version__",
    "breakdown",
    "format_count",
    "format_percent",
    "format_ratio",
    "period_adverbial",
    "period_phrase",
    "summarize",
]
