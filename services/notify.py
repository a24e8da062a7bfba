"""Messages to applicants, through a backend chosen in settings (SMS comes later).

NOTIFY_BACKEND names a class with `send(notice)`: `OutboxBackend` (development and
tests) only records the notice for staff to see; `EmailBackend` also e-mails it when
the applicant gave an address. The notice keeps the recipient masked, never whole.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.utils.module_loading import import_string


class OutboxBackend:
    """Keeps the notice (services.Notice) and sends nothing."""

    channel = "outbox"

    def send(self, notice, address: str = "") -> None:
        notice.channel = self.channel
        notice.save()


class EmailBackend(OutboxBackend):
    """E-mails the notice to the applicant's address, when there is one."""

    channel = "email"

    def send(self, notice, address: str = "") -> None:
        if not address:
            return super().send(notice)
        send_mail(notice.subject, notice.body, None, [address])
        notice.channel = self.channel
        notice.save()


def backend():
    return import_string(settings.NOTIFY_BACKEND)()
