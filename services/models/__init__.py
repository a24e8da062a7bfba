"""Online applications: form pages, submissions (cases), their files and messages."""

from .answers import AnswerPage
from .cases import CaseEvent, CaseFile, Delivery, Notice, Status, Submission
from .pages import FormKind, ServiceFormPage

__all__ = [
    "AnswerPage",
    "CaseEvent",
    "CaseFile",
    "Delivery",
    "FormKind",
    "Notice",
    "ServiceFormPage",
    "Status",
    "Submission",
]
